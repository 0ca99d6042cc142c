package org.citelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad input of the issue: one line naming the file or flag, exit 2 (usage) or 1 (failure), no stack trace. */
class CliErrorsTest {
    @TempDir
    Path tmp;

    /** Exit code and everything the command wrote to stderr. */
    private record Run(int code, String stderr) {
        String onlyLine() {
            String s = stderr.strip();
            assertFalse(s.contains("\n"), "one line: " + s);
            assertFalse(s.contains("Exception") || s.contains("\tat "), "no exception: " + s);
            return s;
        }
    }

    private static Run run(String... argv) {
        PrintStream before = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(argv);
            return new Run(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(before);
        }
    }

    @Test
    void classifyOnABinaryFileFailsInOneLineAndLeavesNoOutput() throws Exception {
        Path binary = tmp.resolve("model.jsonl");
        try (var in =
                org.citelens.classify.Classifiers.class.getResourceAsStream("/org/citelens/classify/model.bin.gz")) {
            Files.write(binary, in.readNBytes(4096));
        }
        Path out = tmp.resolve("out.jsonl");
        Run r = run("classify", "--input", binary.toString(), "--output", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.onlyLine().contains(binary.toString()), r.stderr());
        assertFalse(Files.exists(out), "no half-written output");
    }

    @Test
    void classifyOnLatin1TextNamesTheLineAndTheEncoding() throws Exception {
        Path latin1 = tmp.resolve("latin1.jsonl");
        Files.write(
                latin1,
                "{\"sentence\": \"Caf\u00e9 yields were higher [1].\"}\n".getBytes(StandardCharsets.ISO_8859_1));
        Run r = run(
                "classify",
                "--input",
                latin1.toString(),
                "--output",
                tmp.resolve("o.jsonl").toString());
        assertEquals(1, r.code());
        String line = r.onlyLine();
        assertTrue(line.contains(latin1 + " line 1") && line.contains("UTF-8"), line);
    }

    @Test
    void trainAndEvaluateOnAMissingFileAreUsageErrorsNamingIt() {
        String missing = tmp.resolve("nope.tsv").toString();
        Run train = run(
                "train", "--data", missing, "--model", tmp.resolve("m.bin.gz").toString());
        assertEquals(2, train.code());
        assertEquals("citelens train: --data " + missing + ": no such file", train.onlyLine());
        Run evaluate = run("evaluate", "--data", missing);
        assertEquals(2, evaluate.code());
        assertEquals("citelens evaluate: --data " + missing + ": no such file", evaluate.onlyLine());
    }

    @Test
    void exportIntoAMissingFolderIsAUsageErrorNamingIt() {
        Path out = tmp.resolve("no-such-folder").resolve("all.csv");
        Run r = run("export", "--index", tmp.toString(), "--format", "csv", "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(
                r.onlyLine().contains(out.getParent().toString()) && r.stderr().contains("does not exist"), r.stderr());
    }

    @Test
    void crawlWhoseOnlySeedIsRefusedSaysWhyAndFails() {
        // a private address is refused before any connection is made: no network is touched
        Run r = run(
                "crawl",
                "--seed",
                "http://10.0.0.1/",
                "--out",
                tmp.resolve("out").toString());
        assertEquals(1, r.code(), r.stderr());
        assertTrue(
                r.stderr().contains("crawl: nothing could be fetched: http://10.0.0.1/ skipped: ")
                        && r.stderr().contains("private")
                        && r.stderr().contains("--allow-private"),
                r.stderr());
    }
}
