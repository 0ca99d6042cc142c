package org.citelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.citelens.Figures;
import org.citelens.api.ApiConfig;
import org.citelens.api.ApiServer;
import org.citelens.harvest.ReplayServer;
import org.citelens.index.LuceneStatementStore;
import org.citelens.index.StatementStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code harvest} end to end against loopback servers replaying OpenCitations, Europe PMC, Unpaywall and a
 * publisher in their documented formats (src/test/resources/harvest/replay): every kind of citing work and every
 * awkward answer, ingested into a real index, then the tallies with their coverage over HTTP; a re-run asks no
 * server anything, and a run resumed from a torn state file ends with the same report.
 */
class HarvestCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CITED = "10.1093/nar/gkh340";

    private static String[] harvest(ReplayServer replay, Path out, Path index) {
        String b = replay.base();
        return new String[] {
            "harvest",
            "--cited",
            "https://doi.org/10.1093/NAR/gkh340",
            "--out",
            out.toString(),
            "--index",
            index.toString(),
            "--email",
            "harvest-test@example.org",
            "--opencitations",
            b + "/oc",
            "--europepmc",
            b + "/epmc",
            "--unpaywall",
            b + "/unpaywall",
            "--allow-loopback",
            "--min-interval-ms",
            "0",
            "--timeout-ms",
            "1000",
            "--max-bytes",
            "2000000",
            "--max-retries",
            "1",
            "--labeller",
            "fast"
        };
    }

    @Test
    void harvestsEveryKindOfCitingWorkThenTalliesSayTheirCoverage(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Path index = tmp.resolve("index");
        try (ReplayServer replay = new ReplayServer(0)) {
            assertEquals(0, Main.run(harvest(replay, out, index)));
            JsonNode report = JSON.readTree(out.resolve("harvest-report.json").toFile());
            JsonNode c = report.get("cited").get(0);
            assertEquals(CITED, c.get("doi").asText());
            // OpenCitations lists 9 citations, one by OMID alone (nothing to fetch by); Europe PMC's search pages
            // and citations module give 6 works; two works are in both (one by DOI, one by PMID alone).
            assertEquals(8, c.get("found").get("opencitations").asInt());
            assertEquals(6, c.get("found").get("europepmc").asInt());
            assertEquals(12, c.get("known").asInt());
            assertEquals(Map.of("jats", 4, "html", 1), ints(c.get("read")));
            assertEquals(Map.of("closed", 2, "pdfOnly", 1, "fetchFailed", 4, "parseFailed", 0), ints(c.get("notRead")));
            Map<String, String> outcome = new TreeMap<>();
            for (JsonNode w : c.get("works")) {
                String key = w.hasNonNull("doi")
                        ? w.get("doi").asText()
                        : "pmid:" + w.get("pmid").asText();
                outcome.put(
                        key, w.get("outcome").asText() + " | " + w.get("reason").asText());
            }
            assertTrue(
                    outcome.get("10.3390/ijms19020527").startsWith("jats | Europe PMC PMC5855749"), outcome.toString());
            assertTrue(outcome.get("10.1186/s13100-018-0144-1").startsWith("jats"), "read after the 429's Retry-After");
            assertTrue(
                    outcome.get("10.1186/s12864-018-5311-8").startsWith("jats"), "OpenCitations knew it by PMID only");
            assertTrue(outcome.get("10.1098/rsos.160123")
                    .startsWith("html | " + replay.base() + "/publisher/rsos.160123"));
            assertTrue(outcome.get("10.5555/pdf-only.1").startsWith("pdfOnly | open only as PDF"));
            assertTrue(outcome.get("10.5555/closed.1").startsWith("closed | Unpaywall lists no open-access copy"));
            assertTrue(outcome.get("pmid:31000001").startsWith("closed | no DOI"));
            assertTrue(
                    outcome.get("10.1186/s13100-019-0147-6").contains("HTTP 500 after 1 retries"), outcome.toString());
            assertTrue(outcome.get("10.5555/truncated.1").startsWith("fetchFailed"), outcome.toString());
            assertTrue(outcome.get("10.5555/slow.1").startsWith("fetchFailed | Unpaywall lookup:"), outcome.toString());
            assertTrue(
                    outcome.get("10.5555/oversized.1").contains("larger than the 2000000-byte cap"),
                    outcome.toString());
            assertTrue(
                    report.get("requests").get("retried").asInt() >= 3,
                    "the 500 on OpenCitations, the 429, the lasting 500");

            JsonNode tallies = c.get("tallies");
            long total = tallies.get("total").asLong();
            assertEquals(12, tallies.get("coverage").get("known").asInt());
            assertEquals(5, tallies.get("coverage").get("read").asInt());
            // Each of the five read works cites MUSCLE; one cites it in two sentences.
            assertEquals(
                    Figures.of("harvest").raw("replay.summary"),
                    c.get("summary").asText());
            assertEquals(5, tallies.get("citingPublications").asInt());

            try (StatementStore store = LuceneStatementStore.open(index);
                    ApiServer api =
                            new ApiServer(store, ApiConfig.defaults(index, 0).withHost("127.0.0.1")).start()) {
                HttpResponse<String> r = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + api.port() + "/api/tallies/" + CITED))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode());
                JsonNode t = JSON.readTree(r.body());
                assertEquals(total, t.get("total").asLong());
                assertEquals(12, t.get("coverage").get("known").asInt());
                assertEquals(5, t.get("coverage").get("read").asInt());
            }

            // A re-run asks nothing (the listings are cached, every outcome is in the state file) and ingests nothing.
            int before = replay.requests.size();
            var ingested = Files.getLastModifiedTime(index.resolve("ingest-report.json"));
            assertEquals(0, Main.run(harvest(replay, out, index)));
            assertEquals(
                    ingested, Files.getLastModifiedTime(index.resolve("ingest-report.json")), "nothing new to ingest");
            assertEquals(
                    before,
                    replay.requests.size(),
                    "requests of the re-run: " + replay.requests.subList(before, replay.requests.size()));
            JsonNode again = JSON.readTree(out.resolve("harvest-report.json").toFile())
                    .get("cited")
                    .get(0);
            assertEquals(c.get("summary"), again.get("summary"));
            assertEquals(
                    0,
                    JSON.readTree(out.resolve("harvest-report.json").toFile())
                            .get("requests")
                            .get("sent")
                            .asInt());

            // Killed after five works, mid-line: the resumed run fetches the rest and ends with the same answer.
            Path state = out.resolve("harvest-state.jsonl");
            List<String> lines = Files.readAllLines(state);
            Files.writeString(
                    state,
                    String.join("\n", lines.subList(0, 5)) + "\n" + lines.get(5).substring(0, 40));
            assertEquals(0, Main.run(harvest(replay, out, index)));
            JsonNode resumed = JSON.readTree(out.resolve("harvest-report.json").toFile())
                    .get("cited")
                    .get(0);
            assertEquals(c.get("summary"), resumed.get("summary"));
            assertEquals(c.get("read"), resumed.get("read"));
            assertEquals(c.get("notRead"), resumed.get("notRead"));
        }
    }

    @Test
    void withoutAnIndexItFetchesAndChecksOnly(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        try (ReplayServer replay = new ReplayServer(0)) {
            List<String> args = new ArrayList<>(List.of(harvest(replay, out, tmp.resolve("unused"))));
            int i = args.indexOf("--index");
            args.subList(i, i + 2).clear();
            i = args.indexOf("--email");
            args.subList(i, i + 2).clear();
            assertEquals(0, Main.run(args.toArray(String[]::new)));
            JsonNode c = JSON.readTree(out.resolve("harvest-report.json").toFile())
                    .get("cited")
                    .get(0);
            assertNull(c.get("tallies").textValue());
            assertEquals(4, c.get("read").get("jats").asInt(), "Europe PMC's JATS needs no contact address");
            assertEquals(0, c.get("read").get("html").asInt(), "Unpaywall is not asked without --email");
            assertEquals(0, replay.count("/unpaywall"));
            assertFalse(Files.exists(tmp.resolve("unused")));
            assertTrue(
                    c.get("summary").asText().startsWith("4 of 12 citing works read"),
                    c.get("summary").asText());
        }
    }

    @Test
    void wrongCommandLinesAreUsageErrors(@TempDir Path tmp) {
        String out = tmp.resolve("out").toString();
        assertEquals(2, Main.run(new String[] {"harvest", "--out", out}), "no --cited");
        assertEquals(2, Main.run(new String[] {"harvest", "--cited", "not a doi", "--out", out}));
        assertEquals(2, Main.run(new String[] {"harvest", "--cited", CITED}), "no --out");
        assertEquals(2, Main.run(new String[] {"harvest", "--cited", CITED, "--out", out, "--email", "nobody"}));
        assertEquals(2, Main.run(new String[] {"harvest", "--cited", CITED, "--out", out, "--max-works", "0"}));
        assertEquals(2, Main.run(new String[] {"harvest", "--cited", CITED, "--out", out, "--europepmc", "ftp://x"}));
        assertEquals(2, Main.run(new String[] {"harvest", "--cited", CITED, "--out", out, "--bogus", "1"}));
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written for a usage error");
    }

    @Test
    void aSourceOnALoopbackAddressIsRefusedUnlessAllowed(@TempDir Path tmp) throws Exception {
        try (ReplayServer replay = new ReplayServer(0)) {
            String b = replay.base();
            int code = Main.run(new String[] {
                "harvest",
                "--cited",
                CITED,
                "--out",
                tmp.resolve("out").toString(),
                "--opencitations",
                b + "/oc",
                "--europepmc",
                b + "/epmc",
                "--min-interval-ms",
                "0"
            });
            assertEquals(1, code, "no source could be asked");
            assertEquals(0, replay.requests.size());
        }
    }

    private static Map<String, Integer> ints(JsonNode n) {
        Map<String, Integer> m = new TreeMap<>();
        n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asInt()));
        return m;
    }
}
