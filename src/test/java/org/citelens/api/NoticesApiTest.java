package org.citelens.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.citelens.cli.Args;
import org.citelens.cli.NoticesCommand;
import org.citelens.index.LuceneStatementStore;
import org.citelens.notice.NoticeStore;
import org.citelens.resolve.PersistentWorksRegistry;
import org.citelens.resolve.WorksRegistries;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notices end to end: a real ingest of six articles and the JATS notice fixtures, the real {@code notices import}
 * of the Retraction Watch fixture, and the real server over them (every notice invented; corpus/notices/README.md).
 */
class NoticesApiTest {
    private static final String CONCERN_THEN_RETRACTED = "10.1371/journal.pone.0080464";

    @TempDir
    static Path dir;

    private static LuceneStatementStore store;
    private static PersistentWorksRegistry works;
    private static ApiServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        Path index = CurationCorpus.build(dir);
        Path csv = RepositoryFiles.dataRoot().resolve("notices/retraction-watch-sample.csv");
        int code = new NoticesCommand()
                .run(new Args(List.of("import", "--file", csv.toString(), "--index", index.toString())));
        assertEquals(0, code);
        store = LuceneStatementStore.open(index);
        works = WorksRegistries.openReadOnly(index);
        server = new ApiServer(
                        store,
                        ApiConfig.defaults(index, 0).withHost("127.0.0.1"),
                        List.of(WorksRoutes.group(works, store)),
                        new Curation(NoticeStore.of(index), null, false, null, null))
                .start();
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        works.close();
        store.close();
    }

    @Test
    void talliesCarryTheNoticesOfBothSources() {
        JsonNode t = http.get("/api/tallies/" + CurationCorpus.RETRACTED).json();
        assertEquals(1, t.get("notices").size());
        JsonNode n = t.get("notices").get(0);
        assertEquals("retraction", n.get("type").asText());
        assertEquals("2016-03-14", n.get("date").asText());
        assertEquals("https://doi.org/10.5555/citelens.rw.90001", n.get("url").asText());
        assertEquals("retraction-watch", n.get("source").asText());
        // the Retraction Watch concern (2016) and the JATS retraction notice found at ingest (2017), oldest first
        JsonNode both = http.get("/api/tallies/" + CONCERN_THEN_RETRACTED).json().get("notices");
        assertEquals("concern", both.get(0).get("type").asText());
        assertEquals("retraction", both.get(1).get("type").asText());
        assertEquals("2017-05-02", both.get(1).get("date").asText());
        assertEquals("notices/retraction-pone.0080464.xml", both.get(1).get("source").asText());
        JsonNode batch = http.post(
                        "/api/tallies", "[\"" + CurationCorpus.RETRACTED + "\", \"10.1104/pp.104.051318\"]")
                .json()
                .get("tallies");
        assertEquals("retraction", batch.get(CurationCorpus.RETRACTED).get("notices").get(0).get("type").asText());
        assertEquals("correction", batch.get("10.1104/pp.104.051318").get("notices").get(0).get("type").asText());
        JsonNode work = http.get("/api/works?q=" + CurationCorpus.RETRACTED).json().get("works").get(0);
        assertEquals("retraction", work.get("notices").get(0).get("type").asText());
    }

    @Test
    void eachStatementSaysWhetherItCitedTheWorkBeforeOrAfterItsRetraction() {
        JsonNode items =
                http.get("/api/citations/" + CurationCorpus.RETRACTED + "?limit=100").json().get("items");
        Map<String, Integer> byWhen = new TreeMap<>();
        for (JsonNode i : items) {
            int year = i.get("citing").get("year").asInt();
            String expected = year > 2016 ? "after" : year < 2016 ? "before" : "null";
            String actual = i.get("citesRetracted").isNull() ? "null" : i.get("citesRetracted").asText();
            assertEquals(expected, actual, "statement of " + year);
            assertTrue(i.get("citedRetracted").asBoolean());
            byWhen.merge(actual, 1, Integer::sum);
        }
        // the six articles: 2014 (3 statements), 2015 (3), 2016 (1), 2017 (1), 2018 (1 + 1)
        assertEquals(Map.of("after", 3, "before", 6, "null", 1), byWhen);
    }

    @Test
    void searchAndCitationsFilterOnNotices() {
        long retractedTotal = total("/api/citations/" + CurationCorpus.RETRACTED + "?limit=1")
                + total("/api/citations/" + CONCERN_THEN_RETRACTED + "?limit=1");
        assertEquals(retractedTotal, total("/api/search?notice=retraction&limit=1&facets=false"));
        // citing a retracted work after its retraction: only the 2017-2018 statements citing the 2016 retraction
        JsonNode after = http.get("/api/search?citesRetracted=after&limit=50").json();
        assertEquals(3, after.get("total").asLong());
        for (JsonNode i : after.get("items")) assertEquals("after", i.get("citesRetracted").asText());
        assertEquals(
                3, total("/api/citations/" + CurationCorpus.RETRACTED + "?citesRetracted=after&limit=1"));
        assertEquals(0, total("/api/citations/" + CONCERN_THEN_RETRACTED + "?citesRetracted=after&limit=1"));
        long concern = total("/api/search?notice=concern&limit=1&facets=false");
        long both = total("/api/search?notice=concern,retraction&limit=1&facets=false");
        assertTrue(concern > 0 && both > concern && both < retractedTotal + concern, concern + " " + both);
        assertEquals(0, total("/api/search?notice=retraction&citing=10.1155/2016/4104595&citesRetracted=after&limit=1"));
    }

    @Test
    void badNoticeFiltersAre400s() {
        List<String> bodies = new ArrayList<>();
        for (String q : List.of("notice=retracted-ish", "citesRetracted=before", "citesRetracted=yes")) {
            Http.Reply r = http.get("/api/search?" + q);
            assertEquals(400, r.status(), q);
            bodies.add(r.json().get("error").get("message").asText());
        }
        assertTrue(bodies.get(0).startsWith("notice: unknown notice type"), bodies.get(0));
        assertTrue(bodies.get(1).contains("citesRetracted can only be 'after'"), bodies.get(1));
    }

    private static long total(String path) {
        Http.Reply r = http.get(path);
        assertEquals(200, r.status(), path + ": " + r.body());
        return r.json().get("total").asLong();
    }
}
