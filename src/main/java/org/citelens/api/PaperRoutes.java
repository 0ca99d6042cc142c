package org.citelens.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.citelens.index.StatementStore;
import org.citelens.index.Tallies;
import org.citelens.model.CitedWork;

/** {@code GET /api/papers/{doi}}: everything the report page shows above the statements, in one call. */
final class PaperRoutes implements RouteGroup {
    @Override
    public void register(ApiRoutes routes) {
        StatementStore store = routes.store();
        JsonOut json = routes.json();
        routes.get("/api/papers/<doi>", RouteCost.QUERY, ctx -> json.send(ctx, paper(ctx, store)),
                RouteDoc.get("/api/papers/{doi}", "A cited work's metadata, tallies, section tallies and citing publications per year")
                        .param(RouteDoc.Param.path("doi", "DOI of the cited work")).tag("papers")
                        .ok("{doi, work: {workId, doi, title, year, firstAuthor, journal}, tallies, sections, citingPublicationsPerYear: [{year, count}]}")
                        .response(404, "nothing in the index cites this DOI", "application/json").build());
    }

    private static Map<String, Object> paper(Context ctx, StatementStore store) throws IOException {
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
        m.put("work", work.map(StatementItems::cited).orElseGet(() -> Map.of("doi", doi)));
        m.put("tallies", tallies.get());
        m.put("sections", store.sectionTallies(doi).orElse(null));
        m.put("citingPublicationsPerYear", perYear);
        return m;
    }
}
