package org.citelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.citelens.api.CorpusIndex;
import org.citelens.check.CheckCsv;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code citelens check --input FILE --index DIR [--format json|csv]} on the test index. */
class CheckCommandTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {}

    private static Run run(String... argv) {
        PrintStream out0 = System.out;
        PrintStream err0 = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(argv);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out0);
            System.setErr(err0);
        }
    }

    private Path manuscript() throws Exception {
        List<String> rows = Files.readAllLines(
                RepositoryFiles.dataRoot().resolve("reference-check/handwritten-references.tsv"));
        StringBuilder text = new StringBuilder("References\n");
        for (String r : rows.subList(1, 9)) text.append(r.split("\t", 4)[3]).append('\n');
        Path file = tmp.resolve("refs.txt");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void checksAManuscriptAsJsonAndAsCsv() throws Exception {
        Path index = CorpusIndex.index();
        Path input = manuscript();
        Run json = run("check", "--input", input.toString(), "--index", index.toString());
        assertEquals(0, json.code(), json.err());
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertEquals(8, report.get("references").asInt());
        assertEquals(8, report.get("resolved").asInt());
        assertEquals("10.1111/j.1744-7348.2009.00348.x", report.path("items").path(0).path("work").path("doi").asText());
        assertTrue(json.err().contains("check done: 8 references, 8 resolved, 0 unresolved"), json.err());

        Run csv = run("check", "--input", input.toString(), "--index", index.toString(), "--format", "csv");
        assertEquals(0, csv.code(), csv.err());
        String[] lines = csv.out().split("\r\n");
        assertEquals(String.join(",", CheckCsv.COLUMNS), lines[0]);
        assertEquals(9, lines.length);
    }

    @Test
    void usageErrorsAndUnreadableInputsSayWhyInOneLine() throws Exception {
        Path index = CorpusIndex.index();
        Run format = run("check", "--input", manuscript().toString(), "--index", index.toString(), "--format", "xml");
        assertEquals(2, format.code());
        assertTrue(format.err().contains("--format takes json or csv"), format.err());
        Run missing = run("check", "--input", tmp.resolve("none.txt").toString(), "--index", index.toString());
        assertEquals(2, missing.code());
        Path empty = Files.writeString(tmp.resolve("empty.txt"), "\n\n");
        Run nothing = run("check", "--input", empty.toString(), "--index", index.toString());
        assertEquals(1, nothing.code());
        String line = nothing.err().strip();
        assertFalse(line.contains("\n") || line.contains("Exception"), line);
        assertTrue(line.contains("empty"), line);
    }
}
