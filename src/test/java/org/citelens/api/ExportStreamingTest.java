package org.citelens.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.citelens.index.LuceneStatementStore;
import org.citelens.index.StatementIndexWriter;
import org.citelens.index.StatementStore;
import org.citelens.model.ArticleMetadata;
import org.citelens.model.Author;
import org.citelens.model.CitationStatement;
import org.citelens.model.CitedWork;
import org.citelens.model.Label;
import org.citelens.model.SectionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /api/export streams with constant memory: 210,000 generated statements written with the index package's
 * writer, exported over HTTP, and the server's used heap after GC compared at 50,000 and 200,000 rows read.
 * Holding the rows would cost hundreds of megabytes by the second mark; streaming costs nothing extra.
 */
class ExportStreamingTest {
    private static final int ARTICLES = 2_100;
    private static final int PER_ARTICLE = 100;
    private static final long ALLOWED_GROWTH = 24L << 20;

    @Test
    void exportOf210kRowsKeepsHeapFlat(@TempDir Path dir) throws Exception {
        Path index = dir.resolve("index");
        generate(index);
        try (StatementStore store = LuceneStatementStore.open(index);
                ApiServer server =
                        new ApiServer(store, ApiConfig.defaults(index, 0).withHost("127.0.0.1")).start()) {
            assertEquals((long) ARTICLES * PER_ARTICLE, store.statementCount());
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/api/export?format=csv"))
                    .build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers()
                    .firstValue("Content-Disposition")
                    .orElse("")
                    .contains("citelens-statements.csv"));
            long rows = 0;
            long heapAt50k = 0;
            long heapAt200k = 0;
            long start = System.nanoTime();
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                assertTrue(in.readLine().startsWith("statement_id,citing_doi,"));
                while (in.readLine() != null) {
                    rows++;
                    if (rows == 50_000) heapAt50k = usedHeapAfterGc();
                    if (rows == 200_000) heapAt200k = usedHeapAfterGc();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(
                    (long) ARTICLES * PER_ARTICLE,
                    rows,
                    "one CSV line per statement (generated text has no line breaks)");
            long growth = heapAt200k - heapAt50k;
            System.out.printf(
                    "export: %,d rows in %.1f s (%,.0f rows/s, GC pauses included); used heap %,d KB at 50k, %,d KB at 200k%n",
                    rows, seconds, rows / seconds, heapAt50k >> 10, heapAt200k >> 10);
            assertTrue(growth < ALLOWED_GROWTH, "heap grew by " + (growth >> 10) + " KB between 50k and 200k rows");
        }
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Realistic-length statements: 2,100 citing articles, 100 statements each, citing 500 works. */
    private static void generate(Path index) throws Exception {
        Files.createDirectories(index);
        Label[] labels = {Label.MENTIONING, Label.MENTIONING, Label.SUPPORTING, Label.CONTRASTING};
        SectionType[] sections = SectionType.values();
        try (StatementIndexWriter writer = StatementIndexWriter.open(index)) {
            for (int a = 0; a < ARTICLES; a++) {
                ArticleMetadata citing = new ArticleMetadata(
                        "10.5555/gen." + a,
                        null,
                        "PMC" + (100000 + a),
                        "Generated article " + a + " on quantitative expression analysis",
                        List.of(new Author("Author" + a, "A.")),
                        "Journal " + (a % 40),
                        2000 + a % 25,
                        "generated/" + a + ".xml");
                List<CitationStatement> statements = new ArrayList<>(PER_ARTICLE);
                for (int s = 0; s < PER_ARTICLE; s++) {
                    int w = (a * 7 + s) % 500;
                    CitedWork cited = new CitedWork(
                            "doi:10.5555/work." + w,
                            "10.5555/work." + w,
                            "Cited work " + w,
                            1990 + w % 30,
                            "Smith",
                            "Methods");
                    String marker = "[" + (s + 1) + "]";
                    statements.add(new CitationStatement(
                            citing.articleId() + "#r" + s + "#" + s,
                            citing,
                            cited,
                            "r" + s,
                            marker,
                            "Relative expression was computed for every sample in triplicate.",
                            "Expression levels were normalised with the comparative threshold cycle method as described "
                                    + marker + ".",
                            "Statistical significance was assessed with a two-sided test.",
                            sections[s % sections.length],
                            s,
                            labels[s % labels.length],
                            0.5 + (s % 50) / 100.0,
                            false));
                }
                writer.replaceArticle(citing.articleId(), statements);
            }
            writer.commit();
        }
    }
}
