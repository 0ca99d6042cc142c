package org.citelens.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * End to end: 20 real articles ingested by the real ingest command,
 * the real server on a free port, real HTTP.
 * The routes are those of the README ("Example queries") and {@code /api/openapi.json}.
 */
class ApiEndToEndTest extends CorpusServerTest {
    private static final String LIVAK = CorpusIndex.LIVAK;

    @Test
    void worksRouteGroupIsServedUnderTheSameRules() {
        JsonNode r = http.get("/api/works?q=Livak%202001").json();
        assertEquals(LIVAK, r.at("/works/0/doi").asText(), r.toString());
        assertEquals(http.get("/api/tallies/" + LIVAK).json(), r.at("/works/0/tallies"));
        assertTrue(http.get("/api/openapi.json").json().at("/paths").has("/api/works"));
        assertTrue(http.get("/metrics").body().contains("route=\"/api/works\""));
    }

    @Test
    void healthReportsTheStatementsServed() throws Exception {
        JsonNode h = http.get("/health").json();
        assertEquals("ok", h.get("status").asText());
        assertEquals(store.statementCount(), h.get("statements").asLong());
        assertTrue(h.get("statements").asLong() > 100, "20 articles give hundreds of statements");
        // the current model, and every statement of the index labelled by it (ingest used the default labeller)
        String model = org.citelens.classify.Classifiers.defaultModelName();
        assertEquals(model, h.get("labelModel").asText());
        assertEquals(h.get("statements").asLong(), h.at("/labelModels/" + model).asLong(), h.toString());
        assertEquals(
                model,
                http.get("/api/openapi.json").json().at("/info/x-label-model").asText());
    }

    @Test
    void everyStatementItemNamesTheModelThatLabelledIt() {
        String model = org.citelens.classify.Classifiers.defaultModelName();
        JsonNode page = http.get("/api/citations/" + LIVAK + "?limit=50").json();
        assertTrue(page.get("items").size() > 0);
        for (JsonNode item : page.get("items"))
            assertEquals(model, item.get("labelModel").asText(), item.toString());
        JsonNode hits = http.get("/api/search?q=rice&limit=5").json();
        for (JsonNode item : hits.get("items"))
            assertEquals(model, item.get("labelModel").asText(), item.toString());
    }

    @Test
    void talliesCountEveryCitingArticleOfLivak2001() {
        Http.Reply r = http.get("/api/tallies/" + LIVAK);
        assertEquals(200, r.status(), r.body());
        JsonNode t = r.json();
        assertEquals(LIVAK, t.get("doi").asText());
        assertEquals(
                CorpusIndex.CITING_LIVAK,
                t.get("citingPublications").asLong(),
                "every selected file that names the DOI cites it");
        long sum = t.get("supporting").asLong()
                + t.get("contrasting").asLong()
                + t.get("mentioning").asLong()
                + t.get("unclassified").asLong();
        assertEquals(t.get("total").asLong(), sum);
        assertTrue(t.get("total").asLong() >= t.get("citingPublications").asLong());
        assertEquals(t.get("contrasting").asLong(), t.get("contradicting").asLong());
        assertTrue(t.has("selfCitations"));
        assertEquals("*", r.header("Access-Control-Allow-Origin"));
        assertNotNull(r.header("Cache-Control"));
    }

    /** The authors of each citing article, against a count of contrib-type="author" in its raw XML (no parser). */
    @Test
    void citingAuthorsComeFromTheArticlesContribGroup() throws Exception {
        java.util.regex.Pattern contrib = java.util.regex.Pattern.compile(
                "<contrib [^>]*contrib-type=\"author\"[^>]*>\\s*(?:<contrib-id[^>]*>[^<]*</contrib-id>\\s*)?<name[^>]*>\\s*<surname>([^<]+)</surname>");
        int checked = 0;
        for (JsonNode item :
                http.get("/api/citations/" + LIVAK + "?limit=1000").json().get("items")) {
            JsonNode citing = item.get("citing");
            JsonNode authors = citing.get("authors");
            assertTrue(authors.size() > 0, "authors of " + citing.get("doi"));
            String first = authors.get(0).get("surname").asText();
            String cite = citing.get("citeAs").asText();
            assertTrue(
                    cite.startsWith(first)
                            && cite.endsWith(", " + citing.get("year").asInt())
                            && (authors.size() < 3 || cite.contains(" et al.")),
                    cite);
            String xml = java.nio.file.Files.readString(
                    CorpusIndex.corpus().resolve(sourceOf(citing.get("pmcid").asText())));
            java.util.regex.Matcher m = contrib.matcher(xml.substring(0, xml.indexOf("</article-meta>")));
            List<String> surnames = new java.util.ArrayList<>();
            while (m.find()) surnames.add(m.group(1).strip());
            if (surnames.isEmpty())
                continue; // names written another way (string-name, collab): not counted by the regex
            assertEquals(surnames.get(0), first, citing.get("doi").asText());
            assertEquals(surnames.size(), authors.size(), citing.get("doi").asText());
            checked++;
        }
        assertTrue(checked >= 10, "checked against the XML: " + checked);
    }

    /** API items do not carry the source path; the bundled files are named by PMCID. */
    private static String sourceOf(String pmcid) throws java.io.IOException {
        try (var files = java.nio.file.Files.walk(CorpusIndex.corpus())) {
            return files.filter(p -> p.getFileName().toString().equals(pmcid + ".xml"))
                    .findFirst()
                    .map(p -> CorpusIndex.corpus().relativize(p).toString())
                    .orElseThrow();
        }
    }

    @Test
    void aDoiIsReadHoweverItIsWritten() {
        String expected = http.get("/api/tallies/" + LIVAK).body();
        for (String form : List.of(
                "10.1006/METH.2001.1262",
                "10.1006%2Fmeth.2001.1262",
                "doi:10.1006/meth.2001.1262",
                "DOI:10.1006%2FMETH.2001.1262",
                "https://doi.org/10.1006/meth.2001.1262",
                "https%3A%2F%2Fdoi.org%2F10.1006%2Fmeth.2001.1262")) {
            Http.Reply r = http.get("/api/tallies/" + form);
            assertEquals(200, r.status(), form + " -> " + r.body());
            assertEquals(expected, r.body(), form);
        }
    }

    @Test
    void etagAnswers304AndUnknownDoisAre404() {
        Http.Reply first = http.get("/api/tallies/" + LIVAK);
        String etag = first.header("ETag");
        assertNotNull(etag);
        Http.Reply again = http.get("/api/tallies/" + LIVAK, "If-None-Match", etag);
        assertEquals(304, again.status());
        assertEquals("", again.body());
        Http.Reply unknown = http.get("/api/tallies/10.9999/no.such.paper");
        assertEquals(404, unknown.status());
        assertEquals(404, unknown.json().at("/error/status").asInt());
        assertTrue(unknown.json().at("/error/message").asText().contains("10.9999/no.such.paper"));
    }

    @Test
    void sectionTalliesAddUpToTheTotal() {
        JsonNode t = http.get("/api/tallies/" + LIVAK).json();
        JsonNode s = http.get("/api/tallies/" + LIVAK + "/sections").json();
        assertEquals(t.get("total").asLong(), s.get("total").asLong());
        long sum = 0;
        for (String k : List.of("introduction", "methods", "results", "discussion", "other"))
            sum += s.get(k).asLong();
        assertEquals(s.get("total").asLong(), sum);
        assertTrue(s.get("methods").asLong() > 0, "Livak 2001 is a method: cited in methods sections");
    }

    @Test
    void batchTalliesLeaveOutUnknownDois() {
        Http.Reply r = http.post(
                "/api/tallies",
                "[\"" + LIVAK + "\", \"10.9999/nothing.here\", \"DOI:10.1006/METH.2001.1262\", \"not a doi\"]");
        assertEquals(200, r.status(), r.body());
        JsonNode tallies = r.json().get("tallies");
        assertEquals(1, tallies.size());
        assertEquals(http.get("/api/tallies/" + LIVAK).json(), tallies.get(LIVAK));
        assertEquals("*", r.header("Access-Control-Allow-Origin"));
        Http.Reply preflight = http.method("OPTIONS", "/api/tallies", null);
        assertEquals(204, preflight.status());
        assertTrue(preflight.header("Access-Control-Allow-Methods").contains("POST"));
    }

    @Test
    void paperReportHasTalliesSectionsAndYears() {
        JsonNode p = http.get("/api/papers/" + LIVAK).json();
        assertEquals(LIVAK, p.get("doi").asText());
        assertEquals(http.get("/api/tallies/" + LIVAK).json(), p.get("tallies"));
        long perYear = 0;
        int lastYear = 0;
        for (JsonNode y : p.get("citingPublicationsPerYear")) {
            assertTrue(y.get("year").asInt() > lastYear, "years ascending");
            lastYear = y.get("year").asInt();
            perYear += y.get("count").asLong();
        }
        assertTrue(
                perYear > 0 && perYear <= CorpusIndex.CITING_LIVAK,
                "distinct citing publications per year: " + perYear);
        assertEquals(404, http.get("/api/papers/10.9999/unknown.work").status());
    }

    @Test
    void citationsPageThroughEveryStatementOnce() {
        long total = http.get("/api/tallies/" + LIVAK).json().get("total").asLong();
        Set<String> ids = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = http.get(
                            "/api/citations/" + LIVAK + "?limit=7" + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            assertEquals(total, page.get("total").asLong());
            for (JsonNode item : page.get("items")) {
                assertTrue(ids.add(item.get("id").asText()), "no statement twice across pages");
                assertEquals(LIVAK, item.at("/cited/doi").asText());
                assertTrue(
                        item.get("sentence")
                                .asText()
                                .contains(item.get("marker").asText()),
                        "the sentence holds its marker");
                assertNotNull(item.get("citing").get("title"));
            }
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : java.net.URLEncoder.encode(
                            page.get("nextCursor").asText(), java.nio.charset.StandardCharsets.UTF_8);
            pages++;
        } while (cursor != null && pages < 1000);
        assertEquals(total, ids.size());
    }

    @Test
    void citationFiltersMatchTheTallies() {
        JsonNode t = http.get("/api/tallies/" + LIVAK).json();
        JsonNode s = http.get("/api/tallies/" + LIVAK + "/sections").json();
        assertEquals(
                t.get("mentioning").asLong(),
                http.get("/api/citations/" + LIVAK + "?type=mentioning")
                        .json()
                        .get("total")
                        .asLong());
        assertEquals(
                s.get("methods").asLong(),
                http.get("/api/citations/" + LIVAK + "?section=methods")
                        .json()
                        .get("total")
                        .asLong());
        JsonNode newest = http.get("/api/citations/" + LIVAK + "?sort=-year&limit=1000")
                .json()
                .get("items");
        for (int i = 1; i < newest.size(); i++) {
            assertTrue(
                    newest.get(i - 1).at("/citing/year").asInt()
                            >= newest.get(i).at("/citing/year").asInt(),
                    "newest first");
        }
        long all = http.get("/api/citations/" + LIVAK).json().get("total").asLong();
        long self = http.get("/api/citations/" + LIVAK + "?selfCitation=only")
                .json()
                .get("total")
                .asLong();
        long others = http.get("/api/citations/" + LIVAK + "?selfCitation=exclude")
                .json()
                .get("total")
                .asLong();
        assertEquals(all, self + others);
        assertEquals(t.get("selfCitations").asLong(), self);
        long selfCiting = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (JsonNode item : http.get("/api/citations/" + LIVAK + "?selfCitation=only&limit=1000")
                .json()
                .get("items")) {
            if (seen.add(item.at("/citing/doi").asText())) selfCiting++;
        }
        assertEquals(selfCiting, t.get("selfCitingPublications").asLong(), "self-citations come from that many works");
        int year = newest.get(0).at("/citing/year").asInt();
        for (JsonNode item : http.get("/api/citations/" + LIVAK + "?yearFrom=" + year + "&yearTo=" + year)
                .json()
                .get("items")) {
            assertEquals(year, item.at("/citing/year").asInt());
        }
    }

    @Test
    void searchHighlightsAndCountsFacets() {
        JsonNode r = http.get("/api/search?q=PCR&limit=10").json();
        long total = r.get("total").asLong();
        assertTrue(total > 0);
        assertTrue(r.get("items").get(0).get("highlighted").asText().contains("<mark"), "query terms highlighted");
        long labelSum = 0;
        for (JsonNode n : r.at("/facets/label")) labelSum += n.asLong();
        assertEquals(total, labelSum, "label facet counts cover every hit");
        assertTrue(r.at("/facets/section").size() > 0
                && r.at("/facets/year").size() > 0
                && r.at("/facets/journal").size() > 0);
        JsonNode cited = http.get("/api/search?q=PCR&cited=" + LIVAK).json();
        for (JsonNode item : cited.get("items"))
            assertEquals(LIVAK, item.at("/cited/doi").asText());
        for (String odd : List.of("%22unclosed", "(((", "AND", "title:%5Ba%20TO", "*", "%5C", "sentence:%22a%22~x")) {
            assertEquals(200, http.get("/api/search?q=" + odd).status(), odd);
        }
    }

    @Test
    void exportStreamsEveryStatementWithTheContractColumns() {
        long total = http.get("/api/tallies/" + LIVAK).json().get("total").asLong();
        Http.Reply csv = http.get("/api/export?format=csv&cited=" + LIVAK);
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.header("Content-Disposition").contains("filename=\"citelens-10.1006_meth.2001.1262.csv\""));
        assertTrue(
                csv.body()
                        .startsWith(
                                "statement_id,citing_doi,citing_title,citing_year,citing_journal,cited_doi,cited_title,"
                                        + "cited_year,section,label,confidence,marker,before,sentence,after,self_citation,label_model\r\n"));
        String model = org.citelens.classify.Classifiers.defaultModelName();
        for (String row : csv.body().split("\r\n")) {
            if (!row.startsWith("statement_id") && !row.isEmpty()) assertTrue(row.endsWith("," + model), row);
        }
        Http.Reply jsonl = http.get("/api/export?format=jsonl&cited=" + LIVAK);
        String[] lines = jsonl.body().split("\n");
        assertEquals(total, lines.length);
        for (String line : lines) {
            JsonNode n = readJson(line);
            for (String f : List.of(
                    "id",
                    "citing",
                    "cited",
                    "refId",
                    "marker",
                    "before",
                    "sentence",
                    "after",
                    "section",
                    "label",
                    "confidence")) {
                assertTrue(n.has(f), f);
            }
            assertEquals(model, n.get("labelModel").asText(), line);
        }
        assertEquals(400, http.get("/api/export?format=xml").status());
        // HEAD tells a client what GET would send (type, file name, or the 400) without running the export
        Http.Reply head = http.method("HEAD", "/api/export?format=jsonl&cited=" + LIVAK, null);
        assertEquals(200, head.status());
        assertTrue(head.header("Content-Type").startsWith("application/x-ndjson"), head.header("Content-Type"));
        assertTrue(head.header("Content-Disposition").contains("citelens-10.1006_meth.2001.1262.jsonl"));
        assertEquals("", head.body());
        assertEquals(400, http.method("HEAD", "/api/export?format=xml", null).status());
    }

    @Test
    void openApiDescribesEveryRouteAndMetricsCountThem() {
        http.get("/api/tallies/" + LIVAK);
        JsonNode paths = http.get("/api/openapi.json").json().get("paths");
        for (String p : List.of(
                "/api/tallies/{doi}",
                "/api/tallies/{doi}/sections",
                "/api/tallies",
                "/api/papers/{doi}",
                "/api/citations/{doi}",
                "/api/search",
                "/api/export",
                "/api/openapi.json",
                "/health",
                "/metrics")) {
            assertTrue(paths.has(p), p);
        }
        Http.Reply m = http.get("/metrics");
        assertTrue(m.header("Content-Type").startsWith("text/plain"));
        assertTrue(m.body()
                .contains("citelens_http_requests_total{method=\"GET\",route=\"/api/tallies/<doi>\",status=\"200\"}"));
        assertTrue(
                m.body()
                        .contains(
                                "citelens_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/tallies/<doi>\",le=\"+Inf\"}"));
        assertTrue(m.body().contains("citelens_index_statements "));
        assertTrue(m.body().contains("citelens_index_size_bytes "));
    }

    @Test
    void reIngestKeepsTheSameCounts() throws Exception {
        String before = http.get("/api/tallies/" + LIVAK).body();
        long statements = store.statementCount();
        CorpusIndex.ingest(CorpusIndex.corpus(), CorpusIndex.index());
        store.refresh();
        assertEquals(statements, store.statementCount());
        try (LiveServer second = new LiveServer(CorpusIndex.index())) {
            assertEquals(before, second.http.get("/api/tallies/" + LIVAK).body());
        }
    }

    private static JsonNode readJson(String line) {
        try {
            return Http.JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError(line, e);
        }
    }
}
