package org.citelens.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.citelens.index.StatementStore;
import org.citelens.model.Doi;

/**
 * The web pages: {@code /} (search) and {@code /reports/{doi}} (how one paper is cited), plain HTML, CSS and JS
 * from {@code src/main/resources/web} that call the JSON API. Assets are a fixed list read once at start-up,
 * so no request path ever reaches the file system.
 */
final class PageRoutes implements RouteGroup {
    private static final Map<String, String> ASSETS = Map.of(
            "app.css", "text/css; charset=utf-8",
            "common.js", "text/javascript; charset=utf-8",
            "search.js", "text/javascript; charset=utf-8",
            "report.js", "text/javascript; charset=utf-8",
            "check.js", "text/javascript; charset=utf-8",
            "logo.svg", "image/svg+xml");

    private final Map<String, byte[]> files = new HashMap<>();

    PageRoutes() {
        for (String name : ASSETS.keySet()) files.put(name, read("/web/static/" + name));
        files.put("index.html", read("/web/index.html"));
        files.put("report.html", read("/web/report.html"));
    }

    @Override
    public void register(ApiRoutes routes) {
        StatementStore store = routes.store();
        routes.get("/", RouteCost.CHEAP, ctx -> html(ctx, "index.html"), null);
        routes.get(
                "/reports/<doi>",
                RouteCost.CHEAP,
                ctx -> {
                    // the page itself says "not found"; the status tells crawlers and link checkers the same
                    var doi = Doi.normalize(ctx.pathParam("doi"));
                    if (doi.isEmpty() || store.tallies(doi.get()).isEmpty()) {
                        ctx.status(404);
                        ErrorResponses.markHandled(ctx);
                    }
                    html(ctx, "report.html");
                },
                null);
        routes.get(
                "/static/<file>",
                RouteCost.CHEAP,
                ctx -> {
                    String name = ctx.pathParam("file");
                    String type = ASSETS.get(name);
                    if (type == null) throw ApiException.notFound("no such asset: " + name);
                    ctx.header("Cache-Control", "public, max-age=3600");
                    ctx.contentType(type).result(files.get(name));
                },
                null);
    }

    private void html(Context ctx, String name) {
        ctx.header("Cache-Control", "no-cache");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType("text/html; charset=utf-8").result(files.get(name));
    }

    static byte[] read(String resource) {
        try (InputStream in = PageRoutes.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource + " in the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
