package org.citelens.api;

import io.javalin.Javalin;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.citelens.index.StatementStore;
import org.eclipse.jetty.http.UriCompliance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Citelens HTTP server: the JSON API under {@code /api}, {@code /health}, {@code /metrics} and the web pages,
 * all reading one {@link StatementStore}. Other stages add routes through {@link RouteGroup}s.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final Javalin app;
    private final ApiConfig config;

    public ApiServer(StatementStore store, ApiConfig config) {
        this(store, config, List.of());
    }

    /** @param extraGroups route groups of other stages (e.g. the works resolver's /api/works) */
    public ApiServer(StatementStore store, ApiConfig config, List<RouteGroup> extraGroups) {
        this(store, config, extraGroups, Curation.none());
    }

    /** @param curation the index's notices and feedback log, and whether readers and curators may add to it */
    public ApiServer(StatementStore store, ApiConfig config, List<RouteGroup> extraGroups, Curation curation) {
        this.config = config;
        JsonOut json = new JsonOut();
        RequestMetrics metrics = new RequestMetrics();
        ConcurrencyGuard guard = new ConcurrencyGuard(config);
        ClientRateLimiter rateLimiter = new ClientRateLimiter(config.clientRequestsPerSecond());
        TallyAnswerCache tallyCache = new TallyAnswerCache(config.tallyCacheTtl(), 200_000);
        AtomicReference<ApiRoutes> registry = new AtomicReference<>();
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.http.prefer405over404 = true;
            cfg.jetty.host = config.host();
            cfg.jetty.port = config.port();
            // DOIs arrive in paths with percent-encoded slashes (10.1006%2Fmeth...); Jetty 12 refuses those as
            // ambiguous unless told otherwise, and the servlet layer must then agree to decode them.
            cfg.jetty.modifyHttpConfiguration(http -> {
                http.setUriCompliance(UriCompliance.UNSAFE);
                http.setSendServerVersion(false);
                http.setRequestHeaderSize(16 * 1024);
            });
            cfg.jetty.modifyServletContextHandler(handler -> {
                handler.getServletHandler().setDecodeAmbiguousURIs(true);
                handler.setErrorHandler(new JsonJettyErrorHandler());
            });
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonJettyErrorHandler()));
            new ErrorResponses(json, metrics).install(cfg.routes);
            ApiRoutes routes = new ApiRoutes(cfg.routes, store, curation, json, metrics, guard, rateLimiter);
            registry.set(routes);
            List<RouteGroup> groups = new ArrayList<>(List.of(
                    new TallyRoutes(tallyCache, config.maxBodyBytes()),
                    new PaperRoutes(),
                    new StatementRoutes(),
                    new ExportRoutes(),
                    new PageRoutes(),
                    new BadgeRoutes(),
                    new FeedbackRoutes(),
                    new SystemRoutes(metrics, config.indexDir(), config.labelModel(), () -> registry.get()
                            .docs())));
            groups.addAll(extraGroups);
            groups.forEach(g -> g.register(routes));
        });
    }

    public ApiServer start() {
        app.start();
        LOG.info(
                "citelens api: listening on http://{}:{}/ (concurrency cheap={} query={} export={}, rate limit {}/s per client, tally cache {})",
                config.host(),
                port(),
                config.cheapConcurrency(),
                config.queryConcurrency(),
                config.exportConcurrency(),
                config.clientRequestsPerSecond(),
                config.tallyCacheTtl());
        return this;
    }

    /** The bound port: the configured one, or the one the system chose when configured as 0. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
