package org.citelens.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.citelens.index.SearchPage;
import org.citelens.index.StatementQuery;
import org.citelens.index.StatementStore;
import org.citelens.index.Tallies;
import org.citelens.model.ArticleMetadata;
import org.citelens.model.CitedWork;

/** {@code GET /api/papers/{doi}}: everything the report page shows above the statements, in one call. */
final class PaperRoutes implements RouteGroup {
    @Override
    public void register(ApiRoutes routes) {
        StatementStore store = routes.store();
        JsonOut json = routes.json();
        routes.get(
                "/api/papers/<doi>",
                RouteCost.QUERY,
                ctx -> json.send(ctx, paper(ctx, store, routes.overlay())),
                RouteDoc.get(
                                "/api/papers/{doi}",
                                "A cited work's metadata, tallies, section tallies and citing publications per year")
                        .param(RouteDoc.Param.path("doi", "DOI of the cited work"))
                        .tag("papers")
                        .ok(
                                "{doi, work: {workId, doi, title, year, firstAuthor, journal, pmid, pmcid}, notices, tallies, sections, "
                                        + "citingPublicationsPerYear: [{year, count}]}; pmid and pmcid are known when the work is "
                                        + "itself a citing article of the index, else null")
                        .response(404, "nothing in the index cites this DOI", "application/json")
                        .build());
    }

    private static Map<String, Object> paper(Context ctx, StatementStore store, Overlay overlay) throws IOException {
        String doi = DoiParam.fromPath(ctx);
        Optional<Tallies> tallies = store.tallies(doi);
        if (tallies.isEmpty()) throw ApiException.notFound("no statement in the index cites " + doi);
        Optional<CitedWork> work = store.work(doi);
        List<Map<String, Object>> perYear = new ArrayList<>();
        store.citingPublicationsPerYear(doi).forEach((year, count) -> {
            Map<String, Object> y = new LinkedHashMap<>();
            y.put("year", year);
            y.put("count", count);
            perYear.add(y);
        });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("doi", doi);
        Map<String, Object> w =
                new LinkedHashMap<>(work.map(StatementItems::cited).orElseGet(() -> Map.of("doi", doi)));
        Optional<ArticleMetadata> asCiting = asCitingArticle(store, doi);
        w.put("pmid", asCiting.map(ArticleMetadata::pmid).orElse(null));
        w.put("pmcid", asCiting.map(ArticleMetadata::pmcid).orElse(null));
        m.put("work", w);
        m.put("notices", overlay.noticesOf(doi));
        m.put("tallies", overlay.tallies(tallies.get(), store));
        m.put("sections", store.sectionTallies(doi).orElse(null));
        m.put("citingPublicationsPerYear", perYear);
        return m;
    }

    /** The work's own metadata when the index holds it as a citing article (its PMCID for the report's links). */
    private static Optional<ArticleMetadata> asCitingArticle(StatementStore store, String doi) throws IOException {
        SearchPage page = store.search(
                new StatementQuery(null, null, null, doi, null, null, null, null, null, null, null, null, 1), false);
        return page.hits().stream().findFirst().map(h -> h.statement().citing());
    }
}
