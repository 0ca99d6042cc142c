package org.citelens.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.citelens.classify.Classifiers;
import org.citelens.index.LuceneStatementStore;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch of files that are not articles finishes, reports every one with its reason, and indexes nothing. */
class CorpusIngestBadInputTest {
    static final Path CORPUS = RepositoryFiles.corpus();

    @Test
    void everyBadFileIsSkippedWithAReasonAndTheBatchFinishes(@TempDir Path tmp) throws Exception {
        Path corpus = tmp.resolve("crawl-out");
        Files.createDirectories(corpus.resolve("pages/.hidden"));
        byte[] real = Files.readAllBytes(CORPUS.resolve("millet/PMC5513978.xml"));
        Files.write(corpus.resolve("pages/empty.xml"), new byte[0]);
        byte[] noise = new byte[5000];
        new Random(7).nextBytes(noise);
        Files.write(corpus.resolve("pages/binary.xml"), noise);
        Files.write(corpus.resolve("pages/notes.html"), "<p>no article here".getBytes(StandardCharsets.UTF_8));
        Files.write(corpus.resolve("pages/huge.nxml"), new byte[2 * 1024 * 1024]);
        // not article files at all: never counted
        Files.write(corpus.resolve("pages/article.xml.part"), Arrays.copyOf(real, 3000));
        Files.write(corpus.resolve("pages/.hidden/x.xml"), real);
        Files.writeString(corpus.resolve("fetch-log.jsonl"), "{}\n");
        Files.writeString(corpus.resolve("README"), "crawl output");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        IngestOptions options = new IngestOptions(corpus, tmp.resolve("index"), 2, 1024 * 1024, 10);
        IngestReport report = new CorpusIngest(
                        options, Classifiers.shipped(), new PrintStream(err, true, StandardCharsets.UTF_8), false)
                .run();

        assertEquals(4, report.files());
        assertEquals(0, report.articles());
        Map<String, String> reasons = report.skipped().stream()
                .collect(Collectors.toMap(IngestReport.SkippedFile::file, IngestReport.SkippedFile::reason));
        assertEquals(
                List.of("pages/binary.xml", "pages/empty.xml", "pages/huge.nxml", "pages/notes.html"),
                reasons.keySet().stream().sorted().toList());
        assertEquals("empty file", reasons.get("pages/empty.xml"));
        assertTrue(reasons.get("pages/huge.nxml").startsWith("larger than 1048576 bytes"));
        reasons.values().forEach(r -> assertTrue(!r.isBlank()));
        assertTrue(Files.exists(tmp.resolve("index").resolve(IngestReport.FILE_NAME)));
        assertTrue(
                err.toString(StandardCharsets.UTF_8).contains("ingest pass 1/2"), err.toString(StandardCharsets.UTF_8));
        try (LuceneStatementStore store = LuceneStatementStore.open(tmp.resolve("index"))) {
            assertEquals(0, store.statementCount());
        }
    }
}
