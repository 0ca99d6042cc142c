package org.citelens.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.citelens.check.CheckCsv;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/reference-check}, the badge routes and the CORS the browser clients need, on the real server
 * over the 20-article test index.
 */
class ReferenceCheckApiTest {
    private static LiveServer live;

    @BeforeAll
    static void start() throws IOException {
        live = new LiveServer(CorpusIndex.index());
    }

    @AfterAll
    static void stop() throws IOException {
        live.close();
    }

    /** Rows of the hand-typed fixture: expected DOI and the reference text. */
    private static List<String[]> handwritten(int n) throws IOException {
        List<String> lines = Files.readAllLines(
                RepositoryFiles.dataRoot().resolve("reference-check/handwritten-references.tsv"));
        List<String[]> rows = new ArrayList<>();
        for (String l : lines.subList(1, 1 + n)) {
            String[] f = l.split("\t", 4);
            rows.add(new String[] {f[0].toLowerCase(Locale.ROOT), f[3]});
        }
        return rows;
    }

    private static HttpResponse<String> postRaw(String query, byte[] body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(live.base() + "/api/reference-check" + query))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try (HttpClient c = HttpClient.newHttpClient()) {
            return c.send(req, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    }

    @Test
    void aRetractedReferenceCarriesItsNoticeAsItsTalliesDo() throws Exception {
        String retracted = "10.1111/j.1744-7348.2009.00348.x";
        try (LiveServer flagged = RetractedWorkServer.start(CorpusIndex.index(), retracted)) {
            String text = "References\n\n" + handwritten(3).stream().map(r -> r[1]).reduce((x, y) -> x + "\n" + y).get();
            JsonNode items = flagged.http.post("/api/reference-check?name=refs.txt", text).json().get("items");
            JsonNode item = null;
            for (JsonNode it : items) if (retracted.equals(it.path("work").path("doi").asText())) item = it;
            assertNotNull(item, "the fixture's first rows cite " + retracted + ": " + items);
            assertEquals("retraction", item.at("/tallies/notices/0/type").asText(), item.toString());
            assertEquals(flagged.http.get("/api/tallies/" + retracted).json(), item.get("tallies"));
        }
    }

    @Test
    void aPlainTextManuscriptIsCheckedInOrderWithTalliesAndItsUnresolvedReferencesKept() throws Exception {
        List<String[]> rows = handwritten(20);
        StringBuilder text = new StringBuilder("A study of silicon in rice\n\nWe cite several works [1-20].\n\nReferences\n\n");
        for (int i = 0; i < rows.size(); i++) {
            text.append(rows.get(i)[1]).append('\n');
            if (i == 9) text.append("Nobody Q, Nowhere Z. An invented title about imaginary rice. J Imagin Res. 2020;1:1-2.\n");
        }
        HttpResponse<String> r = postRaw("", text.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        JsonNode report = json(r);
        assertEquals("text", report.get("format").asText());
        assertEquals(21, report.get("references").asInt());
        assertEquals(20, report.get("resolved").asInt());
        assertEquals(1, report.get("unresolved").asInt());
        JsonNode items = report.get("items");
        for (int i = 0; i < 21; i++) {
            JsonNode it = items.get(i);
            assertEquals(i + 1, it.get("position").asInt());
            if (i == 10) {
                assertEquals("unresolved", it.get("status").asText());
                assertTrue(it.get("work").isNull());
                assertTrue(it.get("raw").asText().startsWith("Nobody Q"));
                assertTrue(it.get("confidence").asDouble() < 0.7, it.toString());
                continue;
            }
            String[] row = rows.get(i < 10 ? i : i - 1);
            assertEquals("resolved", it.get("status").asText(), it.toString());
            assertEquals(row[0], it.path("work").path("doi").asText(), it.toString());
            assertEquals(row[1], it.get("raw").asText());
            assertTrue(it.get("confidence").asDouble() >= 0.7, it.toString());
            Http.Reply t = live.http.get("/api/tallies/" + row[0]);
            if (t.status() == 404) {
                assertTrue(it.get("tallies").isNull(), it.toString());
            } else {
                assertEquals(t.json(), it.get("tallies"), "tallies of " + row[0]);
            }
        }
        assertTrue(items.get(0).at("/parsed/authors").size() >= 3, items.get(0).toString());
    }

    @Test
    void aJatsManuscriptGetsItsOwnCitingSentencesLabelled() throws Exception {
        Path article = RepositoryFiles.corpus().resolve("rice/PMC5877760.xml");
        HttpResponse<String> r = postRaw("?name=PMC5877760.xml", Files.readAllBytes(article));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode report = json(r);
        assertEquals("jats", report.get("format").asText());
        String xml = Files.readString(article);
        int refs = xml.split("<ref id=", -1).length - 1;
        assertEquals(refs, report.get("references").asInt());
        assertNotNull(report.get("labelModel").textValue());
        JsonNode livak = null;
        for (JsonNode it : report.get("items")) {
            if (CorpusIndex.LIVAK.equals(it.path("work").path("doi").asText())) livak = it;
        }
        assertNotNull(livak, "the article cites Livak 2001");
        // the same sentences the index holds for this article citing Livak 2001
        Set<String> indexed = new HashSet<>();
        for (JsonNode s : live.http.get("/api/citations/" + CorpusIndex.LIVAK + "?limit=100").json().get("items")) {
            if ("10.3390/ijms19030899".equals(s.at("/citing/doi").asText())) indexed.add(s.get("sentence").asText());
        }
        Set<String> own = new HashSet<>();
        for (JsonNode s : livak.get("statements")) {
            own.add(s.get("sentence").asText());
            assertTrue(Set.of("supporting", "mentioning", "contrasting").contains(s.get("label").asText()));
        }
        assertFalse(indexed.isEmpty());
        assertEquals(indexed, own);
    }

    @Test
    void csvHasOneRowPerReference() throws Exception {
        StringBuilder text = new StringBuilder();
        for (String[] row : handwritten(5)) text.append(row[1]).append("\n\n");
        HttpResponse<String> r = postRaw("?format=csv", text.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String[] lines = r.body().split("\r\n");
        assertEquals(String.join(",", CheckCsv.COLUMNS), lines[0]);
        assertEquals(6, lines.length);
        assertTrue(lines[1].startsWith("1,") && lines[1].contains(",resolved,10.1111/j.1744-7348.2009.00348.x,"), lines[1]);
    }

    @Test
    void badInputIsRefusedWithAJsonError() throws Exception {
        HttpResponse<String> empty = postRaw("", new byte[0]);
        assertEquals(400, empty.statusCode());
        assertTrue(json(empty).at("/error/message").asText().contains("empty"), empty.body());
        HttpResponse<String> none = postRaw("", "hello".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, none.statusCode());
        assertTrue(json(none).at("/error/message").asText().contains("no references"), none.body());
        HttpResponse<String> format = postRaw("?format=xml", "x".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, format.statusCode());
        HttpResponse<String> huge = postRaw("", new byte[6 * 1024 * 1024]);
        assertEquals(413, huge.statusCode());
        assertTrue(json(huge).at("/error/message").asText().contains("larger than"), huge.body());
        HttpResponse<String> broken = postRaw("?name=x.xml", "<article><front><unclosed".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, broken.statusCode(), broken.body());
    }

    @Test
    void theSvgBadgeShowsTheTalliesAndIsCached() {
        Http.Reply t = live.http.get("/api/tallies/" + CorpusIndex.LIVAK);
        Http.Reply svg = live.http.get("/api/badge/" + CorpusIndex.LIVAK + ".svg");
        assertEquals(200, svg.status());
        assertTrue(svg.header("Content-Type").startsWith("image/svg+xml"));
        assertEquals("*", svg.header("Access-Control-Allow-Origin"));
        assertTrue(svg.header("Cache-Control").contains("max-age"));
        assertTrue(svg.body().startsWith("<svg") && svg.body().endsWith("</svg>"));
        JsonNode tallies = t.json();
        assertTrue(svg.body().contains(">" + tallies.get("mentioning").asLong() + " mentioning<"), svg.body());
        assertTrue(svg.body().contains(">" + tallies.get("supporting").asLong() + " supporting<"), svg.body());
        assertTrue(svg.body().contains(">" + tallies.get("contrasting").asLong() + " contrasting<"), svg.body());
        Http.Reply again = live.http.get("/api/badge/" + CorpusIndex.LIVAK + ".svg", "If-None-Match", svg.header("ETag"));
        assertEquals(304, again.status());

        Http.Reply unknown = live.http.get("/api/badge/10.9999/not.cited.svg");
        assertEquals(404, unknown.status());
        assertTrue(unknown.body().contains("not indexed"));
        Http.Reply bad = live.http.get("/api/badge/nodoi.svg");
        assertEquals(400, bad.status());
        assertTrue(bad.json().at("/error/message").asText().contains("not a DOI"), bad.body());
        assertEquals(400, live.http.get("/api/badge/" + CorpusIndex.LIVAK).status());
    }

    @Test
    void theBrowserClientsGetTheCorsTheyNeed() {
        Http.Reply js = live.http.get("/badge.js");
        assertEquals(200, js.status());
        assertTrue(js.header("Content-Type").startsWith("text/javascript"));
        assertEquals("*", js.header("Access-Control-Allow-Origin"));
        assertEquals("*", live.http.get("/health").header("Access-Control-Allow-Origin"));
        Http.Reply preflight = live.http.method("OPTIONS", "/api/tallies", null);
        assertEquals(204, preflight.status());
        assertEquals("*", preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Methods").contains("POST"));
        assertTrue(preflight.header("Access-Control-Allow-Headers").contains("Content-Type"));
        Http.Reply checkPreflight = live.http.method("OPTIONS", "/api/reference-check", null);
        assertEquals(204, checkPreflight.status());
        assertEquals(200, live.http.get("/check").status());
    }
}
