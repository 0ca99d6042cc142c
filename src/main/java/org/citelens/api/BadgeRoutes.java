package org.citelens.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.citelens.index.StatementStore;
import org.citelens.index.Tallies;

/**
 * Badges for pages outside Citelens: {@code GET /badge.js}, a script a journal or lab page embeds to show a work's
 * tallies with a link to its report, and {@code GET /api/badge/{doi}.svg}, a static image for READMEs and CVs.
 * Both are open to any origin and cacheable (the SVG with an ETag).
 */
final class BadgeRoutes implements RouteGroup {
    private static final String SVG_SUFFIX = ".svg";
    private final byte[] script = PageRoutes.read("/web/static/badge.js");

    @Override
    public void register(ApiRoutes routes) {
        StatementStore store = routes.store();
        routes.get(
                "/badge.js",
                RouteCost.CHEAP,
                ctx -> {
                    TallyRoutes.cors(ctx);
                    ctx.header("Cache-Control", "public, max-age=3600");
                    ctx.contentType("text/javascript; charset=utf-8").result(script);
                },
                RouteDoc.get("/badge.js", "Script that renders tallies badges on any page: <script src=\".../badge.js\""
                                + " data-doi=\"10.1006/meth.2001.1262\"></script> or data-citelens-doi on any element")
                        .tag("badges")
                        .response(200, "JavaScript", "text/javascript")
                        .build());
        routes.get(
                "/api/badge/<doi>",
                RouteCost.CHEAP,
                ctx -> svg(ctx, store),
                RouteDoc.get("/api/badge/{doi}.svg", "A static SVG badge of a work's tallies, linking nowhere")
                        .param(RouteDoc.Param.path("doi", "DOI of the cited work, followed by .svg"))
                        .tag("badges")
                        .response(200, "the badge", "image/svg+xml")
                        .response(304, "unchanged since the ETag in If-None-Match", null)
                        .response(400, "not a DOI, or the path does not end in .svg", "application/json")
                        .response(404, "nothing in the index cites this DOI (the body is a 'not indexed' badge)",
                                "image/svg+xml")
                        .build());
    }

    private static void svg(Context ctx, StatementStore store) throws IOException {
        TallyRoutes.cors(ctx);
        String raw = ctx.pathParam("doi");
        if (!raw.toLowerCase(java.util.Locale.ROOT).endsWith(SVG_SUFFIX)) {
            throw ApiException.badRequest("a badge path ends in .svg, e.g. /api/badge/10.1006/meth.2001.1262.svg");
        }
        String doi = DoiParam.require(raw.substring(0, raw.length() - SVG_SUFFIX.length()), "path");
        Optional<Tallies> t = store.tallies(doi);
        byte[] body = (t.isPresent() ? BadgeSvg.of(t.get()) : BadgeSvg.notIndexed()).getBytes(StandardCharsets.UTF_8);
        String etag = TallyAnswerCache.etag(body);
        ctx.header("ETag", etag);
        // short enough that a README shows new counts the same day; GitHub's image proxy honours it
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.header("X-Content-Type-Options", "nosniff");
        if (t.isEmpty()) {
            ctx.status(404);
            ErrorResponses.markHandled(ctx);
        } else if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType("image/svg+xml; charset=utf-8").result(body);
    }
}
