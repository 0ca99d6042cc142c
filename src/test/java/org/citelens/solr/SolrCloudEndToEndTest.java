package org.citelens.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrInputDocument;
import org.citelens.parse.DocumentLimits;
import org.citelens.api.ApiConfig;
import org.citelens.api.ApiServer;
import org.citelens.api.Curation;
import org.citelens.feedback.FeedbackLog;
import org.citelens.model.CitationStatement;
import org.citelens.model.EditorialNotice;
import org.citelens.model.Label;
import org.citelens.model.NoticeType;
import org.citelens.notice.NoticeStore;
import org.citelens.api.WorksRoutes;
import org.citelens.classify.CitationClassifier;
import org.citelens.classify.Classifiers;
import org.citelens.index.LuceneStatementStore;
import org.citelens.index.StatementQuery;
import org.citelens.index.StoreUnavailableException;
import org.citelens.ingest.CorpusIngest;
import org.citelens.ingest.IngestOptions;
import org.citelens.ingest.IngestReport;
import org.citelens.ingest.SolrIngestTarget;
import org.citelens.resolve.PersistentWorksRegistry;
import org.citelens.resolve.WorksRegistries;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled corpus ingested into the test SolrCloud (2 nodes, 2 shards x 2 replicas, in a JVM of its own) and into
 * a local index by the same pipeline, each served by the real API over real HTTP: every route answers the same for
 * a sample of DOIs and queries (scores aside). Then a node stops: everything still answers from the replicas; and a
 * collection whose shard has no live replica left answers 503.
 */
@Tag("solrcloud")
// whatever happens to the cluster, the suite fails rather than hangs: each test and the set-up have a bound, and a
// test is abandoned in its own thread when it is reached (a thread stuck in I/O may not heed an interrupt)
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrCloudEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path tmp;

    private LocalSolrCloudProcess cluster;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    // the fast labeller: the same labels on both sides, in a fraction of the transformer's time
    private final CitationClassifier labeller = Classifiers.named(Classifiers.FAST, 2);
    private final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    private String local;
    private String cloud;
    private String halves;
    private List<String> sampleDois;
    private IngestReport solrReport;
    private IngestReport localReport;

    @BeforeAll
    // a class-level @Timeout does not reach @BeforeAll: cluster start and two ingests of the corpus
    @Timeout(value = 20, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void ingestIntoBothAndServe(@TempDir Path folder) throws Exception {
        tmp = folder;
        cluster = LocalSolrCloudProcess.start(2, 2, 2, tmp.resolve("solrcloud"));
        Path index = tmp.resolve("index");
        localReport = new CorpusIngest(IngestOptions.defaults(RepositoryFiles.corpus(), index), labeller, quiet, false)
                .run();
        SolrConnection solr = track(SolrConnection.open(cluster.allUrls(), "statements"));
        // four threads whatever the machine: more update bodies in flight than SolrJ's own HTTP pool once stalled on,
        // and the same statements as the local ingest on its own number of threads
        solrReport = new CorpusIngest(
                        options(RepositoryFiles.corpus(), tmp.resolve("work")),
                        new SolrIngestTarget(solr),
                        labeller,
                        quiet,
                        false)
                .run();

        LuceneStatementStore lucene = track(LuceneStatementStore.open(index));
        PersistentWorksRegistry localWorks = track(WorksRegistries.openReadOnly(index));
        sampleDois = sample(lucene);
        // the same notices and curators' labels beside each store: the index folder, the Solr ingest's work folder
        curate(lucene, index, tmp.resolve("work"));
        local = serve(lucene, localWorks, curation(index));

        SolrConnection serving = track(SolrConnection.open(cluster.allUrls(), "statements"));
        SolrStatementStore store = track(new SolrStatementStore(serving));
        Path worksDir = tmp.resolve("served-works");
        new WorksSnapshots(serving).download(worksDir);
        PersistentWorksRegistry cloudWorks = track(PersistentWorksRegistry.openReadOnly(worksDir));
        cloud = serve(store, cloudWorks, curation(tmp.resolve("work")));

        // two shards, one replica each: stopping a node leaves a shard with no live replica
        SolrConnection halvesConnection = track(SolrConnection.open(cluster.allUrls(), "halves"));
        SolrSetup.setUp(halvesConnection, 2, 1);
        halves = serve(track(new SolrStatementStore(halvesConnection)), localWorks, Curation.none());
    }

    /**
     * Both ingests recorded the corpus's JATS notices beside their store; this adds a dated retraction of the most
     * cited work (so statements cite it before and after) and reviews, the same in both folders, of five statements
     * citing it to a label the model did not give.
     */
    private void curate(LuceneStatementStore lucene, Path... homes) throws Exception {
        String top = sampleDois.get(0);
        EditorialNotice retraction = new EditorialNotice(
                top, NoticeType.RETRACTION, LocalDate.of(2012, 6, 1), null, "Retraction", "test", "retraction-watch");
        List<CitationStatement> citing = new ArrayList<>();
        lucene.forEach(StatementQuery.citing(top, Integer.MAX_VALUE), citing::add);
        citing.sort(Comparator.comparing(CitationStatement::id));
        List<CitationStatement> picked = citing.subList(0, 5);
        for (Path home : homes) {
            NoticeStore.of(home).merge(List.of(retraction));
            try (FeedbackLog log = FeedbackLog.open(home)) {
                for (CitationStatement st : picked) {
                    log.review(st.id(), top, st.label() == Label.CONTRASTING ? Label.SUPPORTING : Label.CONTRASTING);
                }
            }
        }
    }

    private Curation curation(Path home) throws Exception {
        return new Curation(NoticeStore.of(home), track(FeedbackLog.openReadOnly(home)), false, null, null);
    }

    private <T extends AutoCloseable> T track(T resource) {
        open.add(resource);
        return resource;
    }

    private String serve(org.citelens.index.StatementStore store, PersistentWorksRegistry works, Curation curation) {
        ApiServer server = new ApiServer(
                        store,
                        ApiConfig.defaults(null, 0).withHost("127.0.0.1"),
                        List.of(WorksRoutes.group(works, store)),
                        curation)
                .start();
        open.add(server::close);
        return "http://127.0.0.1:" + server.port();
    }

    /** The four most cited DOIs, four cited once, and Livak and Schmittgen 2001 (the README's example). */
    private static List<String> sample(LuceneStatementStore store) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        store.forEach(StatementQuery.all(Integer.MAX_VALUE), s -> {
            if (s.cited().doi() != null) counts.merge(s.cited().doi(), 1, Integer::sum);
        });
        List<String> byCount = counts.keySet().stream()
                .sorted(Comparator.comparing((String d) -> -counts.get(d)).thenComparing(d -> d))
                .toList();
        List<String> out = new ArrayList<>(byCount.subList(0, 4));
        byCount.stream().filter(d -> counts.get(d) == 1).limit(4).forEach(out::add);
        if (!out.contains("10.1006/meth.2001.1262")) out.add("10.1006/meth.2001.1262");
        return out;
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                // closing the rest matters more
            }
        }
        if (cluster != null) cluster.close();
    }

    @Test
    @Order(1)
    void theSamePipelineWroteTheSameStatements() {
        assertEquals(localReport.statements(), solrReport.statements());
        assertEquals(localReport.statementsInIndex(), solrReport.statementsInIndex(), "every statement is in the collection");
        assertTrue(solrReport.statementsInIndex() > 20_000, "the bundled corpus gives over 20,000 statements");
    }

    @Test
    @Order(2)
    void everyRouteAnswersAsTheLocalIndexDoes() throws Exception {
        assertEquals(get(local, "/health").get("statements"), get(cloud, "/health").get("statements"));
        for (String doi : sampleDois) {
            String d = path(doi);
            same("/api/tallies/" + d);
            same("/api/tallies/" + d + "/sections");
            same("/api/papers/" + d);
            sameText("/reports/" + d);
            samePages("/api/citations/" + d + "?limit=7&sort=-year");
            samePages("/api/citations/" + d + "?limit=5&sort=confidence&type=mentioning");
            sameLines("/api/export?format=jsonl&cited=" + d);
        }
        same("/api/tallies/10.9999/not.cited");
        sameBody("POST", "/api/tallies", JSON.writeValueAsString(sampleDois));
        for (String q : List.of(
                "\"consistent with\"",
                "drought AND NOT rice",
                "wat*",
                "yeild~1",
                "context:(salt stress)",
                "year:[2015 TO 2017] AND photosynthesis",
                "type:contrasting",
                "\"water use efficiency\"",
                "10.1006/meth.2001.1262 (odd syntax",
                "the")) {
            String e = URLEncoder.encode(q, StandardCharsets.UTF_8);
            same("/api/search?limit=1&facets=true&q=" + e, "items", "nextCursor");
            samePages("/api/search?limit=25&sort=-confidence&facets=false&q=" + e);
            samePages("/api/search?limit=10&sort=year&type=supporting,contrasting&yearFrom=2016&q=" + e);
        }
        samePages("/api/search?limit=50&section=results&selfCitation=only&sort=-year");
        same("/api/search?limit=3&facets=true&journal=" + URLEncoder.encode("Plant Physiology", StandardCharsets.UTF_8),
                "items", "nextCursor");
        same("/api/works?q=Livak%202001&limit=3");
        same("/api/works?q=" + URLEncoder.encode("drought tolerance rice", StandardCharsets.UTF_8));
        sameLines("/api/export?format=csv&q=" + URLEncoder.encode("\"consistent with\"", StandardCharsets.UTF_8));
        // a cursor of the other store is refused as a cursor of another sort or a malformed one: 400, not 500
        assertEquals(400, request("GET", cloud, "/api/search?q=rice&cursor=bm9wZQ", null).statusCode());
    }

    @Test
    @Order(3)
    void noticeAndReviewFiltersAnswerAsTheLocalIndexDoes() throws Exception {
        String top = path(sampleDois.get(0));
        // not vacuous: the retraction, the reviews and the statements citing it after 2012 are there
        JsonNode tallies = get(local, "/api/tallies/" + top);
        assertEquals("retraction", tallies.get("notices").get(0).get("type").asText(), tallies.toString());
        JsonNode after = get(local, "/api/search?limit=5&citesRetracted=after");
        assertTrue(after.get("total").asLong() > 0, after.toString());
        JsonNode contrasting = get(local, "/api/citations/" + top + "?limit=100&type=contrasting");
        assertTrue(contrasting.toString().contains("\"labelSource\":\"reviewed\""), contrasting.toString());
        same("/api/tallies/" + top);
        same("/api/papers/" + top);
        sameBody("POST", "/api/tallies", JSON.writeValueAsString(sampleDois));
        for (String filter : List.of(
                "notice=retraction",
                "notice=correction,concern",
                "citesRetracted=after",
                "citesRetracted=after&type=contrasting",
                "type=contrasting",
                "type=supporting,mentioning&cited=" + top,
                "notice=retraction&q=" + URLEncoder.encode("drought", StandardCharsets.UTF_8))) {
            samePages("/api/search?limit=20&sort=-year&facets=true&" + filter);
            sameLines("/api/export?format=jsonl&" + filter);
        }
        samePages("/api/citations/" + top + "?limit=10&type=contrasting&citesRetracted=after");
        same("/api/search?limit=1&facets=true&q=" + URLEncoder.encode(
                "type:contrasting OR rice", StandardCharsets.UTF_8), "items", "nextCursor");
    }

    /**
     * The stall of docs/solrcloud.md ("A stalled update"): more update bodies in flight at once than SolrJ's own HTTP
     * pool has threads (8 here, 4 there) all complete. With SolrJ's pool, requests like these hung for good.
     */
    @Test
    @Order(4)
    void concurrentUpdatesThroughOneConnectionAllComplete() throws Exception {
        SolrConnection solr = track(SolrConnection.open(cluster.allUrls(), "halves"));
        int threads = 8;
        int batches = 2;
        int size = 1000;
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        List<Future<?>> sent = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int sender = t;
            sent.add(senders.submit(() -> {
                for (int b = 0; b < batches; b++) {
                    UpdateRequest update = new UpdateRequest();
                    for (int i = 0; i < size; i++) {
                        String id = "t" + sender + "-" + b + "-" + i;
                        SolrInputDocument d = new SolrInputDocument();
                        d.addField(SolrDocuments.ROUTED_ID, "w" + i % 97 + "!" + id);
                        d.addField(SolrDocuments.STATEMENT_ID, id);
                        d.addField(org.citelens.index.StatementSchema.SENTENCE, "a sentence of some length, " + id);
                        update.add(d);
                    }
                    update.process(solr.client(), solr.collection());
                }
                return null;
            }));
        }
        senders.shutdown();
        try {
            assertTrue(senders.awaitTermination(90, TimeUnit.SECONDS), "updates still pending after 90 s: stalled");
        } finally {
            senders.shutdownNow();
        }
        for (Future<?> f : sent) f.get();
        solr.client().commit(solr.collection(), true, true);
        assertEquals(threads * batches * size, new SolrStatementStore(solr).statementCount());
    }

    /**
     * Acceptance (faults): an ingest running while a node stops either completes or stops with one clear line, and
     * run again it converges to what the local index holds: the same statement ids and the same tallies. On the
     * O. sanctum part of the corpus (30 articles), with four threads; node 1 stops once ten articles were written.
     */
    @Test
    @Order(5)
    void anIngestWhileANodeStopsCompletesOrFailsClearlyAndARerunConverges() throws Exception {
        Path corpus = tmp.resolve("faults-corpus");
        copyFolder(RepositoryFiles.corpus().resolve("osanctum"), corpus.resolve("osanctum"));
        Path reference = tmp.resolve("faults-index");
        new CorpusIngest(options(corpus, reference), labeller, quiet, false).run();

        SolrConnection faults = track(SolrConnection.open(cluster.allUrls(), "faults"));
        SolrSetup.setUp(faults, 2, 2);
        Path work = tmp.resolve("faults-work");
        NodeStoppingTarget stopping = new NodeStoppingTarget(new SolrIngestTarget(faults), 10, () -> cluster.stopNode(1));
        String firstRun;
        try {
            IngestReport r = new CorpusIngest(options(corpus, work), stopping, labeller, quiet, false).run();
            firstRun = "completed with " + r.statementsInIndex() + " statements";
        } catch (java.io.IOException e) {
            // what `ingest` prints on its one line: it must say what failed, where, and nothing more
            String line = e.getMessage();
            assertFalse(line.contains("\n"), line);
            assertTrue(line.contains("faults"), line);
            firstRun = "failed: " + line;
        }
        assertTrue(
                stopping.stopped.get(),
                "node 1 stopped while the ingest ran (the stop failed: " + stopping.stopFailure.get() + "); it "
                        + firstRun);
        // which of the two it was, for the report's output (docs/solrcloud.md quotes it)
        System.out.println("SolrCloudEndToEndTest: the ingest during which node 1 stopped " + firstRun);

        IngestReport again =
                new CorpusIngest(options(corpus, work), new SolrIngestTarget(faults), labeller, quiet, false).run();
        try (LuceneStatementStore expected = LuceneStatementStore.open(reference)) {
            SolrStatementStore actual = new SolrStatementStore(faults);
            java.util.TreeSet<String> ids = new java.util.TreeSet<>();
            java.util.TreeSet<String> dois = new java.util.TreeSet<>();
            expected.forEach(StatementQuery.all(Integer.MAX_VALUE), s -> {
                ids.add(s.id());
                if (s.cited().doi() != null) dois.add(s.cited().doi());
            });
            java.util.TreeSet<String> idsInSolr = new java.util.TreeSet<>();
            actual.forEach(StatementQuery.all(Integer.MAX_VALUE), s -> idsInSolr.add(s.id()));
            assertTrue(ids.size() > 500, "the part of the corpus gives " + ids.size() + " statements");
            assertEquals(ids, idsInSolr, "the first run " + firstRun);
            assertEquals(ids.size(), again.statementsInIndex());
            assertEquals(expected.tallies(dois), actual.tallies(dois), "the first run " + firstRun);
        }
    }

    private static IngestOptions options(Path corpus, Path work) {
        return new IngestOptions(corpus, work, 4, IngestOptions.DEFAULT_COMMIT_EVERY, DocumentLimits.DEFAULTS);
    }

    private static void copyFolder(Path from, Path to) throws java.io.IOException {
        java.nio.file.Files.createDirectories(to);
        try (var files = java.nio.file.Files.list(from)) {
            for (Path f : files.toList()) java.nio.file.Files.copy(f, to.resolve(f.getFileName()));
        }
    }

    @Test
    @Order(6)
    void aStoppedNodeLeavesEverythingAnsweringFromTheReplicas() throws Exception {
        // stopped by the ingest test before, when it ran
        cluster.stopNode(1);
        for (String doi : sampleDois) same("/api/tallies/" + path(doi));
        samePages("/api/search?limit=25&sort=-confidence&facets=false&q=drought");
        same("/api/search?limit=1&facets=true&q=rice", "items", "nextCursor");
        // the shard of "halves" that lived on the stopped node has no replica left: a clear 503, no 500
        HttpResponse<String> r = request("GET", halves, "/api/search?q=rice", null);
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(r.body().contains("unavailable"), r.body());
        assertTrue(r.headers().firstValue("Retry-After").isPresent());
        SolrConnection direct = track(SolrConnection.open(cluster.url(), "halves"));
        assertThrows(StoreUnavailableException.class, () -> new SolrStatementStore(direct).statementCount());
    }

    private void same(String path, String... ignored) throws Exception {
        JsonNode a = get(local, path);
        JsonNode b = get(cloud, path);
        for (String f : ignored) {
            ((ObjectNode) a).remove(f);
            ((ObjectNode) b).remove(f);
        }
        assertEquals(a, b, path);
    }

    private void sameText(String path) throws Exception {
        HttpResponse<String> a = request("GET", local, path, null);
        HttpResponse<String> b = request("GET", cloud, path, null);
        assertEquals(a.statusCode(), b.statusCode(), path);
        assertEquals(a.body(), b.body(), path);
    }

    private void sameBody(String method, String path, String body) throws Exception {
        HttpResponse<String> a = request(method, local, path, body);
        HttpResponse<String> b = request(method, cloud, path, body);
        assertEquals(200, a.statusCode(), a.body());
        assertEquals(JSON.readTree(a.body()), JSON.readTree(b.body()), path);
    }

    private void sameLines(String path) throws Exception {
        HttpResponse<String> a = request("GET", local, path, null);
        HttpResponse<String> b = request("GET", cloud, path, null);
        assertEquals(a.statusCode(), b.statusCode(), path);
        // export order is each store's own (index order, statement id order): the same lines, in any order
        List<String> la = new ArrayList<>(a.body().lines().toList());
        List<String> lb = new ArrayList<>(b.body().lines().toList());
        la.sort(null);
        lb.sort(null);
        assertEquals(la, lb, path);
    }

    /** Every page of a listing, item for item (scores aside), following each store's own cursors. */
    private void samePages(String first) throws Exception {
        String ca = null;
        String cb = null;
        int pages = 0;
        do {
            JsonNode a = get(local, first + (ca == null ? "" : "&cursor=" + ca));
            JsonNode b = get(cloud, first + (cb == null ? "" : "&cursor=" + cb));
            assertEquals(a.get("total"), b.get("total"), first);
            assertEquals(withoutScores(a.get("items")), withoutScores(b.get("items")), first + " page " + pages);
            assertEquals(a.get("facets"), b.get("facets"), first);
            assertEquals(a.get("nextCursor").isNull(), b.get("nextCursor").isNull(), first + " page " + pages);
            ca = a.get("nextCursor").isNull() ? null : a.get("nextCursor").asText();
            cb = b.get("nextCursor").isNull() ? null : b.get("nextCursor").asText();
            pages++;
        } while (ca != null && pages < 6);
    }

    private static JsonNode withoutScores(JsonNode items) {
        JsonNode copy = items.deepCopy();
        for (JsonNode item : copy) ((ObjectNode) item).remove("score");
        return copy;
    }

    private JsonNode get(String base, String path) throws Exception {
        HttpResponse<String> r = request("GET", base, path, null);
        assertFalse(r.statusCode() >= 500, path + " -> " + r.statusCode() + " " + r.body());
        JsonNode n = JSON.readTree(r.body());
        assertNotNull(n, path);
        if (n.isObject()) ((ObjectNode) n).put("httpStatus", r.statusCode());
        return n;
    }

    private HttpResponse<String> request(String method, String base, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A DOI as the path of a route: its slashes stay, anything else odd is escaped. */
    private static String path(String doi) {
        StringBuilder b = new StringBuilder();
        for (String part : doi.split("/", -1)) {
            if (b.length() > 0) b.append('/');
            b.append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return b.toString();
    }
}
