package org.citelens.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.citelens.classify.Classifiers;
import org.citelens.index.LuceneStatementStore;
import org.citelens.index.StatementQuery;
import org.citelens.index.Tallies;
import org.citelens.ingest.CorpusIngest;
import org.citelens.ingest.IngestOptions;
import org.citelens.ingest.IngestReport;
import org.citelens.model.CitationStatement;
import org.citelens.parse.DocumentLimits;
import org.citelens.resolve.PersistentWorksRegistry;
import org.citelens.resolve.WorksRegistries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance check of the Spark bulk ingest: on the bundled corpus, the Spark job in local[2] and the
 * single-machine ingest give the same statements (every stored field: ids, citing and cited works, context,
 * labels and confidences), the same tallies for every cited DOI, the same works registry and the same report.
 * The fast labeller keeps the run short; the labeller is the same code either way (StatementLabeller).
 */
class SparkIngestEqualsIngestTest {
    @TempDir
    static Path tmp;

    static Path single;
    static Path spark;
    static IngestReport singleReport;
    static String sparkLog;

    @BeforeAll
    static void ingestBothWays() throws Exception {
        Path corpus = corpus();
        single = tmp.resolve("single");
        spark = tmp.resolve("spark");
        IngestOptions options =
                new IngestOptions(corpus, single, 2, IngestOptions.DEFAULT_COMMIT_EVERY, DocumentLimits.DEFAULTS);
        singleReport = new CorpusIngest(
                        options, Classifiers.named(Classifiers.FAST, 1), new PrintStream(PrintStream.nullOutputStream()), false)
                .run();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int exit = SparkIngestCommand.run(
                new String[] {
                    "--corpus", corpus.toString(), "--index", spark.toString(), "--master", "local[2]", "--labeller", "fast"
                },
                new PrintStream(log, true, StandardCharsets.UTF_8),
                false);
        sparkLog = log.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, sparkLog);
    }

    static Path corpus() {
        Path corpus = Path.of(System.getProperty("citelens.corpus", "../corpus/europepmc-crops"));
        assertTrue(Files.isDirectory(corpus), "no bundled corpus at " + corpus.toAbsolutePath());
        return corpus;
    }

    @Test
    void sameStatementsFieldByField() throws IOException {
        Map<String, CitationStatement> expected = statements(single);
        Map<String, CitationStatement> actual = statements(spark);
        assertTrue(expected.size() > 10_000, "the bundled corpus gives tens of thousands of statements");
        assertEquals(expected.keySet(), actual.keySet(), "statement ids");
        for (var e : expected.entrySet()) assertEquals(e.getValue(), actual.get(e.getKey()), e.getKey());
    }

    @Test
    void sameTalliesForEveryCitedDoi() throws IOException {
        TreeSet<String> dois = new TreeSet<>();
        for (CitationStatement s : statements(single).values()) {
            if (s.cited().doi() != null) dois.add(s.cited().doi());
        }
        assertTrue(dois.size() > 1000, "cited DOIs: " + dois.size());
        try (LuceneStatementStore a = LuceneStatementStore.open(single);
                LuceneStatementStore b = LuceneStatementStore.open(spark)) {
            Map<String, Tallies> expected = new TreeMap<>(a.tallies(dois));
            Map<String, Tallies> actual = new TreeMap<>(b.tallies(dois));
            assertEquals(dois.size(), expected.size());
            assertEquals(expected, actual);
            for (String doi : dois) assertEquals(a.sectionTallies(doi), b.sectionTallies(doi), doi);
        }
    }

    @Test
    void sameWorksRegistry() throws IOException {
        try (PersistentWorksRegistry a = WorksRegistries.openReadOnly(single);
                PersistentWorksRegistry b = WorksRegistries.openReadOnly(spark)) {
            assertFalse(a.workIds().isEmpty());
            assertEquals(a.workIds(), b.workIds());
            assertEquals(a.mergedKeys(), b.mergedKeys());
        }
    }

    @Test
    void sameReportAndNotices() throws IOException {
        IngestReport sparkReport = new com.fasterxml.jackson.databind.ObjectMapper()
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(spark.resolve(IngestReport.FILE_NAME).toFile(), IngestReport.class);
        assertEquals(singleReport.files(), sparkReport.files());
        assertEquals(singleReport.articles(), sparkReport.articles());
        assertEquals(singleReport.statements(), sparkReport.statements());
        assertEquals(singleReport.markers(), sparkReport.markers());
        assertEquals(singleReport.unlinkedMarkers(), sparkReport.unlinkedMarkers());
        assertEquals(singleReport.skipped(), sparkReport.skipped());
        assertEquals(singleReport.statementsInIndex(), sparkReport.statementsInIndex());
        Path notices = Path.of("notices", "notices.json");
        assertTrue(Files.exists(single.resolve(notices)), "the corpus holds notice articles");
        assertEquals(
                Files.readString(single.resolve(notices)), Files.readString(spark.resolve(notices)), "notices");
        assertTrue(sparkLog.contains("spark-ingest parse (executors): " + singleReport.files() + "/"), sparkLog);
    }

    static Map<String, CitationStatement> statements(Path index) throws IOException {
        Map<String, CitationStatement> out = new TreeMap<>();
        try (LuceneStatementStore store = LuceneStatementStore.open(index)) {
            store.forEach(StatementQuery.all(1000), s -> assertEquals(null, out.put(s.id(), s), "twice: " + s.id()));
        }
        return out;
    }
}
