package org.citelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.citelens.extract.CitationStatementExtractor;
import org.citelens.index.LuceneStatementStore;
import org.citelens.index.SearchPage;
import org.citelens.index.StatementHit;
import org.citelens.index.StatementQuery;
import org.citelens.index.StatementSort;
import org.citelens.index.Tallies;
import org.citelens.ingest.IngestReport;
import org.citelens.model.Article;
import org.citelens.parse.ArticleParsers;
import org.citelens.resolve.SimpleWorksRegistry;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingests 20 real corpus articles (the first twenty that cite another corpus article, per the corpus's own
 * {@code in_corpus_links.tsv}) plus a malformed file and some non-article files, through the real command, once
 * for the class; then checks the index against counts computed without the index.
 */
class IngestCommandTest {
    static final Path CORPUS = RepositoryFiles.corpus();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    static Path corpus;
    static Path index;
    static List<String> files;
    /** (citing file, cited DOI) -> in-text mentions, from in_corpus_links.tsv, for the chosen files. */
    static final Map<List<String>, Integer> links = new LinkedHashMap<>();

    static final Map<String, String> citingDoiOfFile = new LinkedHashMap<>();

    @BeforeAll
    static void ingestTwentyArticles() throws Exception {
        TreeSet<String> chosen = new TreeSet<>();
        List<String[]> rows = Files.readAllLines(CORPUS.resolve("in_corpus_links.tsv")).stream()
                .skip(1)
                .map(l -> l.split("\t"))
                .toList();
        for (String[] r : rows) {
            if (chosen.size() < 20 || chosen.contains(r[0])) chosen.add(r[0]);
        }
        files = new ArrayList<>(chosen);
        for (String[] r : rows) {
            // a reference cited only inside a table cell yields no statement (tables are not prose)
            if (chosen.contains(r[0]) && citedOutsideTables(CORPUS.resolve(r[0]), r[2])) {
                links.merge(List.of(r[0], r[5].toLowerCase()), Integer.parseInt(r[3]), Integer::sum);
                citingDoiOfFile.put(r[0], r[1].toLowerCase());
                refIdsByLink
                        .computeIfAbsent(r[0] + "\t" + r[5].toLowerCase(), k -> new ArrayList<>())
                        .add(r[2]);
            }
        }
        corpus = tmp.resolve("corpus");
        index = tmp.resolve("index");
        for (String f : files) {
            Files.createDirectories(corpus.resolve(f).getParent());
            Files.copy(CORPUS.resolve(f), corpus.resolve(f));
        }
        // a truncated article, a README, a manifest and a crawler's half-written download
        byte[] first = Files.readAllBytes(CORPUS.resolve(files.get(0)));
        Files.write(
                corpus.resolve("broken.xml"), "<?xml version=\"1.0\"?><html><body>".getBytes(StandardCharsets.UTF_8));
        Files.writeString(corpus.resolve("README.md"), "not an article");
        Files.writeString(corpus.resolve("manifest.tsv"), "file\tdoi\n");
        Files.write(corpus.resolve("half.xml.part"), java.util.Arrays.copyOf(first, first.length / 2));
        assertEquals(0, ingest());
    }

    static boolean citedOutsideTables(Path file, String refId) throws java.io.IOException {
        String prose = Files.readString(file).replaceAll("(?s)<table\\b.*?</table>", "");
        return java.util.regex.Pattern.compile(
                        "<xref\\b[^>]*rid=\"(?:[^\"]*\\s)?" + java.util.regex.Pattern.quote(refId) + "(?:\\s[^\"]*)?\"")
                .matcher(prose)
                .find();
    }

    static int ingest() throws Exception {
        return new IngestCommand()
                .run(new Args(List.of("--corpus", corpus.toString(), "--index", index.toString(), "--threads", "2")));
    }

    static JsonNode report() throws Exception {
        return JSON.readTree(index.resolve(IngestReport.FILE_NAME).toFile());
    }

    @Test
    void reportCountsFilesArticlesAndTheSkippedFileWithItsReason() throws Exception {
        JsonNode r = report();
        assertEquals(
                files.size() + 1, r.get("files").asInt(), "20 articles and broken.xml; README, tsv and .part ignored");
        assertEquals(files.size(), r.get("articles").asInt());
        assertEquals(1, r.get("skipped").size());
        assertEquals("broken.xml", r.get("skipped").get(0).get("file").asText());
        assertFalse(r.get("skipped").get(0).get("reason").asText().isBlank());
        assertTrue(r.get("markers").asLong() >= r.get("statements").asLong() / 4);
    }

    @Test
    void theIndexHoldsExactlyWhatTheExtractorYieldsForEachArticle() throws Exception {
        ArticleParsers parsers = new ArticleParsers();
        CitationStatementExtractor extractor = new CitationStatementExtractor();
        SimpleWorksRegistry resolver = new SimpleWorksRegistry();
        long expected = 0;
        try (LuceneStatementStore store = LuceneStatementStore.open(index, Duration.ofHours(1))) {
            for (String f : files) {
                Article a = parsers.parse(Files.readAllBytes(corpus.resolve(f)), f);
                int n = extractor
                        .extract(a, ref -> resolver.resolve(a.metadata(), ref))
                        .statements()
                        .size();
                expected += n;
                if (a.metadata().doi() != null) {
                    SearchPage page = store.search(
                            new StatementQuery(
                                    null,
                                    null,
                                    null,
                                    a.metadata().doi(),
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    1),
                            false);
                    assertEquals(n, page.totalHits(), f);
                }
            }
            assertTrue(expected > 20 * 10, "real articles have many citation statements: " + expected);
            assertEquals(expected, store.statementCount());
            assertEquals(expected, report().get("statements").asLong());
        }
    }

    /**
     * For every link the corpus lists, the raw XML is searched (no parser) for in-text xrefs to that reference
     * outside tables, which yield no statements: each sentence holding one is a statement, so the index must
     * hold between one and that many statements for the (citing, cited) pair.
     */
    @Test
    void everyInCorpusLinkOfTheCorpusCuratorsIsAStatementPair() throws Exception {
        try (LuceneStatementStore store = LuceneStatementStore.open(index, Duration.ofHours(1))) {
            Map<String, Set<String>> citersByDoi = new LinkedHashMap<>();
            int checked = 0;
            for (var e : links.entrySet()) {
                String file = e.getKey().get(0);
                String citing = citingDoiOfFile.get(file);
                String cited = e.getKey().get(1);
                long mentions = mentionsOutsideTables(file, refIdsOfLink(file, cited));
                long n = store.search(
                                new StatementQuery(
                                        null, cited, null, citing, null, null, null, null, null, null, null, null, 1),
                                false)
                        .totalHits();
                // a reference implied by a range ([3–5] cites 4) has no xref of its own: no upper bound then
                assertTrue(
                        mentions == 0 || n <= mentions,
                        citing + " -> " + cited + ": " + n + " statements, " + mentions + " mentions");
                if (mentions > 0) {
                    assertTrue(n >= 1, citing + " -> " + cited + ": no statement for " + mentions + " mentions");
                    citersByDoi.computeIfAbsent(cited, k -> new HashSet<>()).add(citing);
                    checked++;
                }
            }
            assertTrue(checked >= links.size() / 2, "most links are cited in running text: " + checked);
            for (var e : citersByDoi.entrySet()) {
                Tallies t = store.tallies(e.getKey()).orElseThrow();
                assertTrue(t.citingPublications() >= e.getValue().size(), e.getKey());
                assertEquals(t.contrasting(), t.contradicting());
                assertEquals(t.total(), t.supporting() + t.contrasting() + t.mentioning() + t.unclassified());
            }
        }
    }

    static final Map<String, List<String>> refIdsByLink = new LinkedHashMap<>();

    static List<String> refIdsOfLink(String file, String citedDoi) {
        return refIdsByLink.getOrDefault(file + "\t" + citedDoi, List.of());
    }

    /** In-text xrefs whose rid names one of the ref ids, counted in the raw XML with tables cut out. */
    static long mentionsOutsideTables(String file, List<String> refIds) throws Exception {
        String xml = Files.readString(corpus.resolve(file));
        String body = xml.replaceAll("(?s)<table[ >].*?</table>", "");
        long n = 0;
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("<xref\\b[^>]*>").matcher(body);
        while (m.find()) {
            if (!m.group().contains("ref-type=\"bibr\"")) continue;
            java.util.regex.Matcher rid =
                    java.util.regex.Pattern.compile("rid=\"([^\"]*)\"").matcher(m.group());
            if (rid.find()
                    && !java.util.Collections.disjoint(List.of(rid.group(1).split("\\s+")), refIds)) n++;
        }
        return n;
    }

    @Test
    void searchFacetsAndCursorPagingOnRealStatements() throws Exception {
        try (LuceneStatementStore store = LuceneStatementStore.open(index, Duration.ofHours(1))) {
            long all = store.statementCount();
            SearchPage page = store.search(
                    new StatementQuery(
                            "expression", null, null, null, null, null, null, null, null, null, null, null, 10),
                    true);
            assertTrue(page.totalHits() > 0);
            assertEquals(
                    page.totalHits(),
                    page.facets().get("label").values().stream()
                            .mapToLong(Long::longValue)
                            .sum());
            assertEquals(
                    page.totalHits(),
                    page.facets().get("section").values().stream()
                            .mapToLong(Long::longValue)
                            .sum());
            for (StatementHit h : page.hits()) {
                assertTrue(h.highlighted().toLowerCase().contains("<mark>express"), h.highlighted());
            }
            Set<String> ids = new HashSet<>();
            String cursor = null;
            do {
                SearchPage p = store.search(
                        new StatementQuery(
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                StatementSort.YEAR_DESC,
                                cursor,
                                500),
                        false);
                for (StatementHit h : p.hits()) assertTrue(ids.add(h.statement().id()));
                cursor = p.nextCursor();
            } while (cursor != null);
            assertEquals(all, ids.size());
        }
    }

    @Test
    void reIngestGivesTheSameStatementsWithoutDuplicates() throws Exception {
        Set<String> before = ids();
        assertEquals(0, ingest());
        Set<String> after = ids();
        assertEquals(before, after);
        try (LuceneStatementStore store = LuceneStatementStore.open(index, Duration.ofHours(1))) {
            assertEquals(before.size(), store.statementCount());
        }
    }

    @Test
    void exportWritesJsonLinesAndCsvWithTheContractColumns() throws Exception {
        Path jsonl = tmp.resolve("all.jsonl");
        Path csv = tmp.resolve("all.csv");
        assertEquals(
                0,
                new ExportCommand()
                        .run(new Args(
                                List.of("--index", index.toString(), "--format", "jsonl", "--out", jsonl.toString()))));
        assertEquals(
                0,
                new ExportCommand()
                        .run(new Args(
                                List.of("--index", index.toString(), "--format", "csv", "--out", csv.toString()))));
        List<String> lines = Files.readAllLines(jsonl);
        assertEquals(ids().size(), lines.size());
        for (String line : lines.subList(0, 50)) {
            JsonNode n = JSON.readTree(line);
            for (String f : List.of(
                    "id",
                    "refId",
                    "marker",
                    "before",
                    "sentence",
                    "after",
                    "section",
                    "label",
                    "confidence",
                    "labelModel",
                    "selfCitation")) {
                assertTrue(n.has(f), f);
            }
            for (String f : List.of("doi", "pmid", "pmcid", "title", "year", "journal"))
                assertTrue(n.get("citing").has(f), f);
            for (String f : List.of("workId", "doi", "title", "year"))
                assertTrue(n.get("cited").has(f), f);
            assertTrue(n.get("sentence").asText().contains(n.get("marker").asText()), line);
        }
        String text = Files.readString(csv);
        assertTrue(
                text.startsWith(
                        "statement_id,citing_doi,citing_title,citing_year,citing_journal,cited_doi,"
                                + "cited_title,cited_year,section,label,confidence,marker,before,sentence,after,self_citation,label_model\r\n"));
        String cited = mostCited();
        Path one = tmp.resolve("one.jsonl");
        assertEquals(
                0,
                new ExportCommand()
                        .run(new Args(List.of(
                                "--index",
                                index.toString(),
                                "--format",
                                "jsonl",
                                "--cited",
                                "https://doi.org/" + cited.toUpperCase(),
                                "--out",
                                one.toString()))));
        List<String> oneLines = Files.readAllLines(one);
        assertFalse(oneLines.isEmpty());
        for (String l : oneLines)
            assertEquals(cited, JSON.readTree(l).get("cited").get("doi").asText());
    }

    @Test
    void exportRefusesABadFormatAndAMissingIndex() {
        assertEquals(2, Main.run(new String[] {"export", "--index", index.toString(), "--format", "xml"}));
        assertEquals(2, Main.run(new String[] {
            "export", "--index", tmp.resolve("nothing").toString(), "--format", "csv"
        }));
    }

    /** The cited DOI with the most statements, found by streaming the index. */
    static String mostCited() throws Exception {
        Map<String, Integer> counts = new java.util.HashMap<>();
        try (LuceneStatementStore store = LuceneStatementStore.open(index, Duration.ofHours(1))) {
            store.forEach(StatementQuery.all(1), s -> {
                if (s.cited().doi() != null) counts.merge(s.cited().doi(), 1, Integer::sum);
            });
        }
        return counts.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
    }

    static Set<String> ids() throws Exception {
        Set<String> ids = new HashSet<>();
        try (LuceneStatementStore store = LuceneStatementStore.open(index, Duration.ofHours(1))) {
            store.forEach(StatementQuery.all(1), s -> assertTrue(ids.add(s.id()), "duplicate " + s.id()));
        }
        assertNotNull(ids);
        return ids;
    }
}
