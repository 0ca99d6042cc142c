package org.citelens.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citelens.index.SearchPage;
import org.citelens.index.StatementHit;
import org.citelens.index.StatementQuery;
import org.citelens.index.StatementSort;
import org.citelens.index.StatementStore;

/** {@code GET /api/citations/{doi}} and {@code GET /api/search}: pages of statements with filters and facets. */
final class StatementRoutes implements RouteGroup {
    @Override
    public void register(ApiRoutes routes) {
        StatementStore store = routes.store();
        JsonOut json = routes.json();
        List<RouteDoc.Param> facets = List.of(
                RouteDoc.Param.query(
                        "facets",
                        "boolean",
                        "include facet counts for label, section, year and journal (default: false for citations, true for search)"));
        routes.get(
                "/api/citations/<doi>",
                RouteCost.QUERY,
                ctx -> json.send(ctx, citations(ctx, store, routes.overlay())),
                RouteDoc.get("/api/citations/{doi}", "The statements citing a work, filtered, sorted and paged")
                        .param(RouteDoc.Param.path("doi", "DOI of the cited work"))
                        .params(StatementQueryParams.FILTER_DOCS)
                        .params(StatementQueryParams.PAGING_DOCS)
                        .params(facets)
                        .tag("statements")
                        .ok("{doi, notices: [notice], total, items: [statement], nextCursor, facets?}")
                        .response(400, "a parameter out of range (the message names it)", "application/json")
                        .response(404, "nothing in the index cites this DOI", "application/json")
                        .build());
        routes.get(
                "/api/search",
                RouteCost.QUERY,
                ctx -> json.send(ctx, search(ctx, store, routes.overlay())),
                RouteDoc.get("/api/search", "Full-text search over citation statements")
                        .param(
                                RouteDoc.Param.query(
                                        "q",
                                        "string",
                                        "Lucene query syntax (phrases, AND/OR/NOT, field:value) where it parses, plain words otherwise"))
                        .param(RouteDoc.Param.query("cited", "string", "only statements citing this DOI"))
                        .param(RouteDoc.Param.query(
                                "citing", "string", "only statements made by the article with this DOI"))
                        .params(StatementQueryParams.FILTER_DOCS)
                        .params(StatementQueryParams.PAGING_DOCS)
                        .params(facets)
                        .tag("statements")
                        .ok(
                                "{q, total, items: [statement with highlighted and score], facets: {label, section, year, journal}, nextCursor}")
                        .response(400, "a parameter out of range (the message names it)", "application/json")
                        .build());
    }

    private static Map<String, Object> citations(Context ctx, StatementStore store, Overlay overlay)
            throws IOException {
        String doi = DoiParam.fromPath(ctx);
        StatementQuery query = StatementQueryParams.parse(ctx, doi, StatementSort.YEAR_DESC, true, overlay);
        if (store.tallies(doi).isEmpty()) throw ApiException.notFound("no statement in the index cites " + doi);
        SearchPage page = run(store, query, facets(ctx, false));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("doi", doi);
        m.put("notices", overlay.noticesOf(doi));
        return body(m, page, query.text() != null, overlay);
    }

    private static Map<String, Object> search(Context ctx, StatementStore store, Overlay overlay)
            throws IOException {
        StatementQuery query = StatementQueryParams.parse(ctx, null, StatementSort.RELEVANCE, true, overlay);
        SearchPage page = run(store, query, facets(ctx, true));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("q", query.text());
        return body(m, page, true, overlay);
    }

    private static Map<String, Object> body(
            Map<String, Object> m, SearchPage page, boolean highlight, Overlay overlay) {
        List<Map<String, Object>> items = new ArrayList<>(page.hits().size());
        for (StatementHit hit : page.hits()) items.add(StatementItems.item(hit, highlight, overlay));
        m.put("total", page.totalHits());
        m.put("items", items);
        m.put("nextCursor", page.nextCursor());
        if (!page.facets().isEmpty()) m.put("facets", page.facets());
        return m;
    }

    /** Runs the query; a cursor or query the index cannot use is the caller's mistake, so a 400. */
    static SearchPage run(StatementStore store, StatementQuery query, boolean withFacets) throws IOException {
        try {
            return store.search(query, withFacets);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static boolean facets(Context ctx, boolean fallback) {
        String raw = ctx.queryParam("facets");
        if (raw == null || raw.isBlank()) return fallback;
        return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiException.badRequest("facets must be true or false, not '" + raw + "'");
        };
    }
}
