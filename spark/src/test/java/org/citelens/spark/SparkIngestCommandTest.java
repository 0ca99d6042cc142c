package org.citelens.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command's usage errors: one line, exit 2, and no Spark started for them. */
class SparkIngestCommandTest {
    @TempDir
    Path tmp;

    private String lastOutput;

    private int run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = SparkIngestCommand.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8), false);
        lastOutput = out.toString(StandardCharsets.UTF_8);
        return exit;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "--corpus NOPE --index IDX",
                "--corpus CORPUS",
                "--corpus CORPUS --index IDX --solr http://127.0.0.1:1/solr --collection c",
                "--corpus CORPUS --index IDX --collection c",
                "--corpus CORPUS --index IDX --work W",
                "--corpus CORPUS --index IDX --master yarn",
                "--corpus CORPUS --index IDX --master local[0]",
                "--corpus CORPUS --index IDX --labeller smart",
                "--corpus CORPUS --index IDX --labeller fast --model M",
                "--corpus CORPUS --index IDX --partitions 0",
                "--corpus CORPUS --index IDX --commit-every x",
                "--corpus CORPUS --index IDX --paths NOPE",
                "--corpus CORPUS --index IDX --paths OUTSIDE",
                "--corpus CORPUS --index IDX --frobnicate 1",
                "--corpus CORPUS --solr ftp://x --collection c",
            })
    void usageErrorsAreOneLineAndExitTwo(String line) throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("a.xml"), "<article/>");
        Path outside = Files.writeString(tmp.resolve("outside.txt"), tmp.resolve("elsewhere.xml") + "\n");
        Files.writeString(tmp.resolve("elsewhere.xml"), "<article/>");
        String[] argv = line.isEmpty()
                ? new String[0]
                : line.replace("CORPUS", corpus.toString())
                        .replace("IDX", tmp.resolve("idx").toString())
                        .replace("OUTSIDE", outside.toString())
                        .split(" ");
        assertEquals(2, run(argv), lastOutput);
        List<String> lines = lastOutput.lines().toList();
        assertEquals(1, lines.size(), lastOutput);
        assertTrue(lines.get(0).startsWith("spark-ingest: "), lastOutput);
        assertFalse(Files.exists(tmp.resolve("idx")), "nothing written for a usage error");
    }

    @Test
    void pathsListNamesFilesBelowTheCorpusAsTheFolderWalkDoes() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus/sub"));
        Files.writeString(corpus.resolve("b.xml"), "<article/>");
        Path list = Files.writeString(
                tmp.resolve("list.txt"), "# two spellings of one file\nsub/b.xml\n\n" + corpus.resolve("b.xml") + "\n");
        List<Path> files = SparkIngestCommand.listedFiles(tmp.resolve("corpus"), list);
        assertEquals(List.of(tmp.resolve("corpus/sub/b.xml")), files);
    }
}
