package org.citelens.growth;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citelens.index.StatementQuery;
import org.citelens.index.StatementSort;
import org.citelens.index.StatementStore;
import org.citelens.model.Label;

/**
 * Measures one real {@link StatementStore} (and, when given, the API served over it): tallies of the hot and the
 * cold DOI, search, facets and streaming export, each as latency percentiles over repeated requests.
 */
final class GrowthProbe {
    /** Texts a reader of a crop-science index types; fixed so every run asks the same. */
    static final List<String> QUERIES = List.of(
            "\"consistent with\"", "drought", "yield", "gene expression", "in contrast", "resistance",
            "\"in agreement with\"", "salt tolerance", "rice", "wheat", "photosynthesis", "previously reported",
            "QTL mapping", "nitrogen use efficiency", "transcription factor");

    /** Thrown by the export consumer to stop a capped export. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    interface StoreOpener {
        StatementStore open() throws IOException;
    }

    private final StatementStore store;
    private final PrintStream log;

    GrowthProbe(StatementStore store, PrintStream log) {
        this.store = store;
        this.log = log;
    }

    /** Fills {@code out} as it goes, so a run that fails late keeps what it measured. */
    void measure(String hot, String cold, StoreOpener fresh, String apiBase, long exportCap, Map<String, Object> out)
            throws IOException, InterruptedException {
        out.put("statements", store.statementCount());
        out.put("hotTotal", store.tallies(hot).orElseThrow().total());
        out.put("coldTotal", store.tallies(cold).orElseThrow().total());
        // the answers themselves, so runs before and after a change can be compared for equality, not only speed
        out.put("hotTallies", store.tallies(hot).orElseThrow().toString());
        out.put("hotSections", store.sectionTallies(hot).orElseThrow().toString());
        out.put("hotPerYear", store.citingPublicationsPerYear(hot).toString());
        out.put("coldTallies", store.tallies(cold).orElseThrow().toString());
        out.put("facetsAllValues", store.search(StatementQuery.all(1), true).facets().toString());
        out.put("loadAverageAtStart", ProcessFigures.loadAverage());

        out.put("talliesHot", timed(200, () -> store.tallies(hot)));
        out.put("talliesCold", timed(200, () -> store.tallies(cold)));
        if (fresh != null) {
            // the Lucene store keeps each reader's aggregates; a fresh store (as after every commit) computes them
            out.put("talliesHotUncached", timedFresh(fresh, hot, 15));
            out.put("talliesColdUncached", timedFresh(fresh, cold, 15));
        }
        log.println("growth probe: tallies done");

        List<StatementQuery> searches = searches();
        out.put("search", timedEach(searches, 3, q -> store.search(q, false)));
        out.put("searchWithFacets", timedEach(searches, 3, q -> store.search(q, true)));
        out.put("facetsAll", timed(5, () -> store.search(StatementQuery.all(10), true)));
        out.put("facetsHotDoi", timed(10, () -> store.search(StatementQuery.citing(hot, 10), true)));
        out.put("citationsHotDoiFirstPage", timed(20, () -> store.search(StatementQuery.citing(hot, 20), false)));
        log.println("growth probe: search and facets done");

        out.put("exportHotDoi", exportRate(StatementQuery.citing(hot, Integer.MAX_VALUE), Long.MAX_VALUE));
        out.put("exportAll", exportRate(StatementQuery.all(Integer.MAX_VALUE), exportCap));
        log.println("growth probe: export done");

        if (apiBase != null) out.put("api", api(apiBase, hot, cold));
        out.put("loadAverageAtEnd", ProcessFigures.loadAverage());
    }

    private static List<StatementQuery> searches() {
        List<StatementQuery> out = new ArrayList<>();
        for (String q : QUERIES) {
            out.add(new StatementQuery(q, null, null, null, null, null, null, null, null, null, StatementSort.RELEVANCE,
                    null, 10));
        }
        out.add(new StatementQuery("drought", null, null, null, Set.of(Label.SUPPORTING), null, null, null, null, null,
                StatementSort.RELEVANCE, null, 10));
        out.add(new StatementQuery("yield", null, null, null, null, null, 2015, 2019, null, null,
                StatementSort.RELEVANCE, null, 10));
        out.add(new StatementQuery(null, null, null, null, Set.of(Label.CONTRASTING), null, null, null, null, null,
                StatementSort.RELEVANCE, null, 10));
        return out;
    }

    interface Call {
        Object run() throws IOException;
    }

    interface QueryCall {
        Object run(StatementQuery q) throws IOException;
    }

    /**
     * One warm-up call, then {@code n} timed ones. Besides wall time, the CPU time of this thread (a local store
     * answers on the calling thread): on a machine shared with other jobs the wall time says how long a user waited,
     * the CPU time what the request itself costs.
     */
    private static Map<String, Object> timed(int n, Call call) throws IOException {
        call.run();
        long[] nanos = new long[n];
        long[] cpu = new long[n];
        for (int i = 0; i < n; i++) {
            long c = THREADS.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - t;
            cpu[i] = THREADS.getCurrentThreadCpuTime() - c;
        }
        return withCpu(percentiles(nanos), cpu);
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private static Map<String, Object> withCpu(Map<String, Object> wall, long[] cpu) {
        long[] s = cpu.clone();
        Arrays.sort(s);
        wall.put("cpuP50ms", ms(s, 0.50));
        wall.put("cpuP95ms", ms(s, 0.95));
        return wall;
    }

    /** Every query once as warm-up, then every query {@code rounds} times. */
    private static Map<String, Object> timedEach(List<StatementQuery> queries, int rounds, QueryCall call)
            throws IOException {
        for (StatementQuery q : queries) call.run(q);
        long[] nanos = new long[queries.size() * rounds];
        long[] cpu = new long[nanos.length];
        int i = 0;
        for (int r = 0; r < rounds; r++) {
            for (StatementQuery q : queries) {
                long c = THREADS.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                call.run(q);
                nanos[i] = System.nanoTime() - t;
                cpu[i++] = THREADS.getCurrentThreadCpuTime() - c;
            }
        }
        return withCpu(percentiles(nanos), cpu);
    }

    /** The first tally of a newly opened store, {@code n} times (the store's opening not timed). */
    private static Map<String, Object> timedFresh(StoreOpener opener, String doi, int n) throws IOException {
        long[] nanos = new long[n];
        long[] cpu = new long[n];
        for (int i = 0; i < n; i++) {
            try (StatementStore s = opener.open()) {
                long c = THREADS.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                s.tallies(doi).orElseThrow();
                nanos[i] = System.nanoTime() - t;
                cpu[i] = THREADS.getCurrentThreadCpuTime() - c;
            }
        }
        return withCpu(percentiles(nanos), cpu);
    }

    private Map<String, Object> exportRate(StatementQuery query, long cap) throws IOException {
        long[] n = {0};
        long c = THREADS.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        try {
            store.forEach(query, s -> {
                if (++n[0] >= cap) throw new Enough();
            });
        } catch (Enough stop) {
            // capped: the rate is what matters
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("statements", n[0]);
        out.put("seconds", GrowthIngest.round(seconds));
        out.put("statementsPerSecond", Math.round(n[0] / seconds));
        out.put("statementsPerCpuSecond", Math.round(n[0] / ((THREADS.getCurrentThreadCpuTime() - c) / 1e9)));
        return out;
    }

    /** The same questions over HTTP: what a client sees, with the API's own answer cache and JSON in the way. */
    private static Map<String, Object> api(String base, String hot, String cold) throws IOException, InterruptedException {
        Map<String, Object> out = new LinkedHashMap<>();
        try (HttpClient http = HttpClient.newHttpClient()) {
            out.put("talliesHot", timedHttp(http, base + "/api/tallies/" + hot, 100));
            out.put("talliesCold", timedHttp(http, base + "/api/tallies/" + cold, 100));
            out.put("searchDrought", timedHttp(http, base + "/api/search?q=drought&limit=10&facets=false", 30));
            out.put("searchDroughtFacets", timedHttp(http, base + "/api/search?q=drought&limit=10", 30));
            long t = System.nanoTime();
            HttpResponse<java.io.InputStream> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/export?cited=" + hot + "&format=jsonl")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            long lines = 0;
            long bytes = 0;
            try (var in = r.body()) {
                byte[] buf = new byte[1 << 16];
                for (int k = in.read(buf); k >= 0; k = in.read(buf)) {
                    bytes += k;
                    for (int j = 0; j < k; j++) if (buf[j] == '\n') lines++;
                }
            }
            double s = (System.nanoTime() - t) / 1e9;
            Map<String, Object> export = new LinkedHashMap<>();
            export.put("status", r.statusCode());
            export.put("statements", lines);
            export.put("megabytes", GrowthIngest.round(bytes / 1048576.0));
            export.put("seconds", GrowthIngest.round(s));
            export.put("statementsPerSecond", Math.round(lines / s));
            out.put("exportHotDoi", export);
        }
        return out;
    }

    private static Map<String, Object> timedHttp(HttpClient http, String url, int n)
            throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).build();
        HttpResponse<String> first = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (first.statusCode() != 200) throw new IOException(url + " answered " + first.statusCode() + ": " + first.body());
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - t;
            if (r.statusCode() != 200) throw new IOException(url + " answered " + r.statusCode());
        }
        return percentiles(nanos);
    }

    static Map<String, Object> percentiles(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("n", s.length);
        out.put("p50ms", ms(s, 0.50));
        out.put("p95ms", ms(s, 0.95));
        out.put("p99ms", ms(s, 0.99));
        out.put("maxMs", GrowthIngest.round(s[s.length - 1] / 1e6));
        return out;
    }

    private static double ms(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return Math.round(sorted[Math.max(0, i)] / 1e4) / 100.0;
    }
}
