package org.citelens.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citelens.index.StatementStore;
import org.citelens.resolve.WorkRecord;
import org.citelens.resolve.WorksCatalog;

/**
 * {@code GET /api/works?q=&limit=}: works found by DOI, title words or "Surname Year", best first, each with its
 * tallies. Self-contained so the server registers it as one more route group: {@link #register(RoutesConfig)}, or
 * {@link #handler()} under the server's own wrapping. Tallies come from the statement index
 * ({@code new WorksRoutes(works, store::tallies)}).
 */
public final class WorksRoutes {
    public static final String PATH = "/api/works";
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    /** Tallies of many DOIs in one pass, DOIs nothing cites left out (StatementStore#tallies(Collection)). */
    @FunctionalInterface
    public interface TalliesLookup {
        Map<String, ?> tallies(Collection<String> dois) throws IOException;
    }

    /** The editorial notices of a work, in the API's shape; empty when it has none. */
    @FunctionalInterface
    public interface NoticesLookup {
        List<?> notices(String doi) throws IOException;
    }

    private final WorksCatalog works;
    private final TalliesLookup tallies;
    private final NoticesLookup notices;
    private final ObjectMapper json = new ObjectMapper();

    public WorksRoutes(WorksCatalog works, TalliesLookup tallies) {
        this(works, tallies, doi -> List.of());
    }

    public WorksRoutes(WorksCatalog works, TalliesLookup tallies, NoticesLookup notices) {
        this.works = works;
        this.tallies = tallies;
        this.notices = notices;
    }

    /** {@code /api/works} over a works catalog as a route group: the server's limits, metrics and OpenAPI document. */
    public static RouteGroup group(WorksCatalog works, StatementStore store) {
        return routes -> routes.get(
                PATH,
                RouteCost.QUERY,
                new WorksRoutes(works, dois -> overlaid(routes, store, dois), doi -> routes.overlay()
                                .noticesOf(doi))
                        .handler(),
                RouteDoc.get(PATH, "Works by DOI, title words or \"Surname Year\", best first, each with its tallies")
                        .param(RouteDoc.Param.query(
                                "q", "string", "a DOI, title words or Surname Year, e.g. Livak 2001"))
                        .param(RouteDoc.Param.query("limit", "integer", "1 to 100 (default 20)"))
                        .tag("works")
                        .ok(
                                "{query, total, works: [{workId, doi, title, year, firstAuthor, journal, references, inCorpus, notices, tallies}]}")
                        .response(400, "q missing or too long, limit out of range", "application/json")
                        .build());
    }

    /** The index's tallies with reviewed labels counted and notices attached, as /api/tallies answers them. */
    private static Map<String, ?> overlaid(ApiRoutes routes, StatementStore store, Collection<String> dois)
            throws IOException {
        Overlay overlay = routes.overlay();
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : store.tallies(dois).entrySet()) out.put(e.getKey(), overlay.tallies(e.getValue(), store));
        return out;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, handler());
    }

    public Handler handler() {
        return this::search;
    }

    private void search(Context ctx) throws IOException {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            error(ctx, 400, "q is required: a DOI, title words or \"Surname Year\"");
            return;
        }
        if (q.length() > 500) {
            error(ctx, 400, "q is too long: at most 500 characters");
            return;
        }
        int limit = DEFAULT_LIMIT;
        String l = ctx.queryParam("limit");
        if (l != null) {
            try {
                limit = Integer.parseInt(l.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                error(ctx, 400, "limit must be a whole number from 1 to " + MAX_LIMIT + ", not '" + l + "'");
                return;
            }
        }
        List<WorkRecord> found = works.search(q.strip(), limit);
        List<String> dois =
                found.stream().map(WorkRecord::doi).filter(d -> d != null).toList();
        Map<String, ?> counts = dois.isEmpty() ? Map.of() : tallies.tallies(dois);
        List<Map<String, Object>> items = new ArrayList<>(found.size());
        for (WorkRecord w : found) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("workId", w.workId());
            item.put("doi", w.doi());
            item.put("title", w.title());
            item.put("year", w.year());
            item.put("firstAuthor", w.firstAuthor());
            item.put("journal", w.journal());
            item.put("references", w.references());
            item.put("inCorpus", w.inCorpus());
            item.put("notices", w.doi() == null ? List.of() : notices.notices(w.doi()));
            item.put("tallies", w.doi() == null ? null : counts.get(w.doi()));
            items.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", q.strip());
        body.put("total", items.size());
        body.put("works", items);
        ctx.contentType("application/json").result(json.writeValueAsString(body));
    }

    private void error(Context ctx, int status, String message) throws IOException {
        ctx.status(status)
                .contentType("application/json")
                .result(json.writeValueAsString(Map.of("error", Map.of("status", status, "message", message))));
    }
}
