package org.citelens.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.List;
import org.citelens.index.StatementStore;

/**
 * Where a {@link RouteGroup} registers its routes. Every handler registered here is wrapped the same way:
 * per-client rate limit, the concurrency limit of its {@link RouteCost}, and a metrics sample; its
 * {@link RouteDoc} goes into /api/openapi.json.
 */
public final class ApiRoutes {
    private final RoutesConfig routes;
    private final StatementStore store;
    private final Curation curation;
    private final JsonOut json;
    private final RequestMetrics metrics;
    private final ConcurrencyGuard guard;
    private final ClientRateLimiter rateLimiter;
    private final List<RouteDoc> docs = new ArrayList<>();

    ApiRoutes(
            RoutesConfig routes,
            StatementStore store,
            Curation curation,
            JsonOut json,
            RequestMetrics metrics,
            ConcurrencyGuard guard,
            ClientRateLimiter rateLimiter) {
        this.routes = routes;
        this.store = store;
        this.curation = curation;
        this.json = json;
        this.metrics = metrics;
        this.guard = guard;
        this.rateLimiter = rateLimiter;
    }

    public StatementStore store() {
        return store;
    }

    /** Notices, feedback and who may change them. */
    public Curation curation() {
        return curation;
    }

    /** The notices and reviewed labels as they are now, for one request. */
    Overlay overlay() throws java.io.IOException {
        return Overlay.now(curation, json.mapper());
    }

    public JsonOut json() {
        return json;
    }

    /**
     * Registers {@code GET path}. {@code path} uses Javalin's syntax ({@code <doi>} accepts slashes);
     * {@code doc} may be null for routes that are not part of the API (pages, assets).
     */
    public ApiRoutes get(String path, RouteCost cost, Handler handler, RouteDoc doc) {
        // HEAD must give GET's status and headers (Jetty drops the body); an export group answers HEAD itself
        if (cost != RouteCost.EXPORT) add(HandlerType.HEAD, path, cost, handler, null);
        return add(HandlerType.GET, path, cost, handler, doc);
    }

    public ApiRoutes post(String path, RouteCost cost, Handler handler, RouteDoc doc) {
        return add(HandlerType.POST, path, cost, handler, doc);
    }

    public ApiRoutes options(String path, Handler handler) {
        return add(HandlerType.OPTIONS, path, RouteCost.CHEAP, handler, null);
    }

    public ApiRoutes add(HandlerType method, String path, RouteCost cost, Handler handler, RouteDoc doc) {
        routes.addHttpHandler(method, path, wrap(method.name(), path, cost, handler));
        if (doc != null) docs.add(doc);
        return this;
    }

    List<RouteDoc> docs() {
        return List.copyOf(docs);
    }

    private Handler wrap(String method, String route, RouteCost cost, Handler handler) {
        return ctx -> {
            long start = System.nanoTime();
            int status = 500;
            try {
                rateLimiter.check(ctx.ip());
                guard.acquire(cost);
                try {
                    handler.handle(ctx);
                } finally {
                    guard.release(cost);
                }
                status = ctx.statusCode();
            } catch (ApiException e) {
                status = e.status();
                if (status == 503 || status == 429) metrics.rejected();
                throw e;
            } catch (HttpResponseException e) {
                status = e.getStatus();
                throw e;
            } finally {
                metrics.record(method, route, status, System.nanoTime() - start);
            }
        };
    }
}
