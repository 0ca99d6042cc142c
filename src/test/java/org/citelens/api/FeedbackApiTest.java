package org.citelens.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.citelens.Figures;
import org.citelens.classify.LabelledData;
import org.citelens.classify.LabelledStatement;
import org.citelens.cli.Args;
import org.citelens.cli.FeedbackCommand;
import org.citelens.cli.TrainCommand;
import org.citelens.feedback.FeedbackLog;
import org.citelens.index.LuceneStatementStore;
import org.citelens.model.Label;
import org.citelens.notice.NoticeStore;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers' suggestions and curators' reviewed labels over real HTTP on a real index: the happy paths, the abuse the
 * routes must turn away as 4xx JSON (never a 5xx), durability across a restart and a re-ingest, and the export that
 * {@code train} reads. The abuse figures are quoted in docs/reliability.md (figures/feedback.properties).
 */
class FeedbackApiTest {
    private static final String TOKEN = "s3cret-curator-token-0123456789abcdef";

    @TempDir
    static Path dir;

    private static Path index;
    private static LuceneStatementStore store;
    private static FeedbackLog log;
    private static ApiServer server;
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<Integer> STATUSES = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        index = CurationCorpus.build(dir);
        Path tokenFile = dir.resolve("admin-token");
        Files.writeString(tokenFile, TOKEN + "\n");
        store = LuceneStatementStore.open(index);
        log = FeedbackLog.open(index);
        server = server(new Curation(
                NoticeStore.of(index), log, true, AdminToken.fromFile(tokenFile), Curation.FeedbackLimits.DEFAULTS));
    }

    private static ApiServer server(Curation c) {
        return new ApiServer(store, ApiConfig.defaults(index, 0).withHost("127.0.0.1"), List.of(), c).start();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        log.close();
        store.close();
        assertTrue(STATUSES.stream().allMatch(s -> s < 500), "a 5xx among " + STATUSES);
    }

    /** The ids of {@code n} statements citing the retracted fixture work, the latest first. */
    private static List<String> statements(ApiServer on, int n) {
        JsonNode items = json(send(on, "GET", "/api/search?limit=" + n + "&facets=false", null, null));
        List<String> ids = new ArrayList<>();
        for (JsonNode i : items.get("items")) ids.add(i.get("id").asText());
        return ids;
    }

    private static HttpResponse<String> send(ApiServer on, String method, String path, String body, String type,
            String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on.port() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) b.header("Content-Type", type);
        if (headers.length > 0) b.headers(headers);
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            synchronized (STATUSES) {
                STATUSES.add(r.statusCode());
            }
            if (r.statusCode() >= 400) {
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.body());
                assertNotNull(json(r).get("error").get("message"), r.body());
            }
            return r;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return Http.JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + r.statusCode() + "): " + r.body(), e);
        }
    }

    private static HttpResponse<String> suggest(ApiServer on, String id, String body, String... headers) {
        return send(on, "POST", "/api/statements/" + id + "/feedback", body, "application/json", headers);
    }

    private static HttpResponse<String> review(String id, String label, String... headers) {
        return send(server, "POST", "/api/statements/" + id + "/label", "{\"label\":\"" + label + "\"}",
                "application/json", headers);
    }

    private static JsonNode item(String id) throws IOException {
        var s = store.statement(id).orElseThrow();
        JsonNode items = json(send(server, "GET", "/api/citations/" + s.cited().doi() + "?limit=1000", null, null))
                .get("items");
        for (JsonNode i : items) if (i.get("id").asText().equals(id)) return i;
        throw new AssertionError("statement " + id + " not listed");
    }

    @Test
    void aSuggestionIsCountedOncePerClientAndShownOnTheStatement() throws IOException {
        String id = statements(server, 3).get(2);
        HttpResponse<String> first = suggest(server, id, "{\"label\":\"supporting\",\"comment\":\"the results agree\"}");
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(1, json(first).get("suggestions").get("supporting").asInt());
        assertEquals(409, suggest(server, id, "{\"label\":\"contrasting\"}").statusCode());
        assertEquals(1, item(id).get("suggestions").get("supporting").asInt());
        assertEquals("model", item(id).get("labelSource").asText());
    }

    @Test
    void malformedAndCrossSiteSuggestionsAre4xxJson() {
        String id = statements(server, 4).get(3);
        Map<String, Integer> got = new TreeMap<>();
        got.put("bad id", suggest(server, "not-an-id", "{\"label\":\"supporting\"}").statusCode());
        got.put("unknown id", suggest(server, "0".repeat(32), "{\"label\":\"supporting\"}").statusCode());
        got.put("oversize", suggest(server, id, "{\"label\":\"supporting\",\"comment\":\"" + "x".repeat(5000) + "\"}")
                .statusCode());
        got.put("long comment", suggest(server, id, "{\"label\":\"supporting\",\"comment\":\"" + "x".repeat(1001) + "\"}")
                .statusCode());
        got.put("form post", send(server, "POST", "/api/statements/" + id + "/feedback", "label=supporting",
                        "application/x-www-form-urlencoded")
                .statusCode());
        got.put("other origin", suggest(server, id, "{\"label\":\"supporting\"}", "Origin", "https://evil.example")
                .statusCode());
        got.put("cross-site", suggest(server, id, "{\"label\":\"supporting\"}", "Sec-Fetch-Site", "cross-site")
                .statusCode());
        got.put("not json", suggest(server, id, "{label: supporting").statusCode());
        got.put("array", suggest(server, id, "[\"supporting\"]").statusCode());
        got.put("unclassified", suggest(server, id, "{\"label\":\"unclassified\"}").statusCode());
        got.put("no label", suggest(server, id, "{\"comment\":\"hm\"}").statusCode());
        got.put("comment number", suggest(server, id, "{\"label\":\"mentioning\",\"comment\":7}").statusCode());
        assertEquals(
                Map.ofEntries(
                        Map.entry("array", 400),
                        Map.entry("bad id", 400),
                        Map.entry("comment number", 400),
                        Map.entry("cross-site", 403),
                        Map.entry("form post", 415),
                        Map.entry("long comment", 400),
                        Map.entry("no label", 400),
                        Map.entry("not json", 400),
                        Map.entry("other origin", 403),
                        Map.entry("oversize", 413),
                        Map.entry("unclassified", 400),
                        Map.entry("unknown id", 404)),
                got);
        // the same page's own origin is welcome
        assertEquals(201, suggest(server, id, "{\"label\":\"mentioning\"}", "Origin", "http://127.0.0.1:" + server.port(),
                        "Sec-Fetch-Site", "same-origin")
                .statusCode());
    }

    @Test
    void aFloodFromOneClientIsCutAtTheLimitAndManyClientsAtTheOverallOne() throws IOException {
        Figures figures = Figures.of("feedback");
        int flood = figures.count("flood.requests");
        // a server of its own, so the other tests' suggestions do not count against this client
        ApiServer own = server(new Curation(null, log, true, null, Curation.FeedbackLimits.DEFAULTS));
        try {
            List<String> ids = statements(own, 220 + flood).subList(220, 220 + flood);
            Map<Integer, Integer> byStatus = new TreeMap<>();
            for (String id : ids) byStatus.merge(suggest(own, id, "{\"label\":\"contrasting\"}").statusCode(), 1, Integer::sum);
            assertEquals(
                    Map.of(201, figures.count("flood.accepted"), 429, figures.count("flood.refused")), byStatus);
        } finally {
            own.close();
        }
        ApiServer crowded = server(new Curation(
                null, log, true, null, new Curation.FeedbackLimits(1000, 5, Duration.ofMinutes(10), 4096, 1L << 30)));
        try {
            List<String> ids = statements(crowded, 510).subList(500, 510);
            int accepted = 0;
            for (String id : ids) if (suggest(crowded, id, "{\"label\":\"mentioning\"}").statusCode() == 201) accepted++;
            assertEquals(5, accepted);
            HttpResponse<String> r = suggest(crowded, ids.get(0), "{\"label\":\"mentioning\"}");
            assertEquals(429, r.statusCode());
            assertNotNull(r.headers().firstValue("Retry-After").orElse(null));
        } finally {
            crowded.close();
        }
    }

    @Test
    void aReviewedLabelNeedsTheTokenAndIsCountedByTalliesAndFilters() throws IOException {
        String id = statements(server, 1).get(0);
        var s = store.statement(id).orElseThrow();
        String doi = s.cited().doi();
        Label model = s.label();
        Label reviewed = model == Label.SUPPORTING ? Label.CONTRASTING : Label.SUPPORTING;
        assertEquals(401, review(id, reviewed.wireName()).statusCode());
        assertEquals(403, review(id, reviewed.wireName(), "Authorization", "Bearer wrong-token-of-some-length").statusCode());
        assertEquals(400, review("zz", reviewed.wireName(), "Authorization", "Bearer " + TOKEN).statusCode());
        JsonNode before = json(send(server, "GET", "/api/tallies/" + doi, null, null));
        HttpResponse<String> ok = review(id, reviewed.wireName(), "Authorization", "Bearer " + TOKEN);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("reviewed", json(ok).get("labelSource").asText());
        JsonNode after = json(send(server, "GET", "/api/tallies/" + doi, null, null));
        assertEquals(before.get(reviewed.wireName()).asLong() + 1, after.get(reviewed.wireName()).asLong());
        assertEquals(before.get(model.wireName()).asLong() - 1, after.get(model.wireName()).asLong());
        assertEquals(before.get("total").asLong(), after.get("total").asLong());
        JsonNode facet = json(send(server, "GET", "/api/citations/" + doi + "?facets=true&limit=1", null, null))
                .get("facets")
                .get("label");
        assertEquals(after.get(reviewed.wireName()).asLong(), facet.path(reviewed.wireName()).asLong());
        assertEquals(after.get(model.wireName()).asLong(), facet.path(model.wireName()).asLong());
        JsonNode shown = item(id);
        assertEquals(reviewed.wireName(), shown.get("label").asText());
        assertEquals("reviewed", shown.get("labelSource").asText());
        assertEquals(model.wireName(), shown.get("modelLabel").asText());
        assertTrue(listed(doi, reviewed, id));
        assertTrue(!listed(doi, model, id));

        // a re-ingest rewrites every statement of the article; the reviewed label is kept beside the index
        CurationCorpus.ingest(CurationCorpus.corpusOf(index), index);
        store.refresh();
        assertEquals(model, store.statement(id).orElseThrow().label(), "the index itself keeps the model's label");
        assertEquals("reviewed", item(id).get("labelSource").asText());
        assertEquals(after.get(reviewed.wireName()).asLong(),
                json(send(server, "GET", "/api/tallies/" + doi, null, null)).get(reviewed.wireName()).asLong());
    }

    private static boolean listed(String doi, Label label, String id) {
        JsonNode items = json(send(server, "GET", "/api/citations/" + doi + "?limit=1000&type=" + label.wireName(), null, null))
                .get("items");
        for (JsonNode i : items) if (i.get("id").asText().equals(id)) return true;
        return false;
    }

    @Test
    void wrongTokensFromOneClientAreCutAtTheLimit() throws IOException {
        ApiServer own = server(new Curation(
                null, log, false, AdminToken.fromFile(dir.resolve("admin-token")), Curation.FeedbackLimits.DEFAULTS));
        try {
            String id = statements(own, 2).get(1);
            Map<Integer, Integer> byStatus = new TreeMap<>();
            for (int i = 0; i < 30; i++) {
                byStatus.merge(
                        send(own, "POST", "/api/statements/" + id + "/label", "{\"label\":\"mentioning\"}",
                                        "application/json", "Authorization", "Bearer guess-" + i + "-0123456789")
                                .statusCode(),
                        1,
                        Integer::sum);
            }
            assertEquals(Map.of(403, 20, 429, 10), byStatus);
        } finally {
            own.close();
        }
    }

    @Test
    void suggestionsAndReviewsSurviveARestartAndExportAsTrainingData() throws Exception {
        List<String> ids = statements(server, 8).subList(5, 8);
        assertEquals(201, suggest(server, ids.get(0), "{\"label\":\"contrasting\"}").statusCode());
        assertEquals(200, review(ids.get(1), "supporting", "Authorization", "Bearer " + TOKEN).statusCode());
        assertEquals(200, review(ids.get(2), "contrasting", "Authorization", "Bearer " + TOKEN).statusCode());
        try (FeedbackLog reopened = FeedbackLog.open(index)) {
            assertEquals(Map.of(Label.CONTRASTING, 1), reopened.suggestionCounts(ids.get(0)));
            assertEquals(Label.SUPPORTING, reopened.reviewedLabel(ids.get(1)).orElseThrow());
            // the same client, after the restart, still may not suggest twice
            assertTrue(!reopened.suggest(ids.get(0), null, Label.MENTIONING, "", "127.0.0.1"));
        }
        Path out = dir.resolve("feedback.tsv");
        assertEquals(0, new FeedbackCommand()
                .run(new Args(List.of("export", "--index", index.toString(), "--out", out.toString()))));
        Map<String, Label> exported = new TreeMap<>();
        for (LabelledStatement row : LabelledData.read(out)) exported.put(row.id(), row.label());
        assertEquals(Label.CONTRASTING, exported.get(ids.get(0)));
        assertEquals(Label.SUPPORTING, exported.get(ids.get(1)));
        assertEquals(Label.CONTRASTING, exported.get(ids.get(2)));
        // corrections join a labelled set as more training rows (three rows alone are too few papers for the folds)
        String data = RepositoryFiles.dataset("clinical.tsv") + "," + out;
        assertEquals(0, new TrainCommand()
                .run(new Args(List.of("--data", data, "--no-cv", "--model", dir.resolve("m.bin").toString()))));
    }

    @Test
    void withoutTheSwitchesTheRoutesAreOff() {
        ApiServer off = server(Curation.none());
        try {
            String id = statements(off, 1).get(0);
            assertEquals(404, suggest(off, id, "{\"label\":\"supporting\"}").statusCode());
            assertEquals(404, send(off, "POST", "/api/statements/" + id + "/label", "{\"label\":\"supporting\"}",
                            "application/json", "Authorization", "Bearer " + TOKEN)
                    .statusCode());
            JsonNode status = json(send(off, "GET", "/api/feedback", null, null));
            assertTrue(!status.get("suggestions").asBoolean() && !status.get("curation").asBoolean());
        } finally {
            off.close();
        }
    }
}
