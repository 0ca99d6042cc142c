package org.citelens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.citelens.classify.Classifiers;
import org.citelens.classify.TransformerClassifier;
import org.citelens.classify.TransformerInput;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code transformer-data --teacher --statements}: the distillation rows carry the teacher's own logits, and no
 * statement of a held-out article, no labelled statement and none the section rule keeps from the transformer is
 * added.
 */
class TransformerDataCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A sentence with a contrast cue, so the fast screen always lets it through to the transformer. */
    private static final String CONTRAST = "In contrast to the earlier report (Smith et al., 2010), we found no "
            + "association between grain zinc and plant height in either season.";

    @TempDir
    Path tmp;

    @Test
    void unlabelledRowsComeOnlyFromTrainingArticlesAndCarryTheTeachersLogits() throws Exception {
        List<String> lines = Files.readAllLines(
                RepositoryFiles.dataRoot().resolve("annotations/citelens.tsv"), StandardCharsets.UTF_8);
        String header = lines.get(0);
        Map<String, String[]> firstOfSplit = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            firstOfSplit.putIfAbsent(f[1], f);
        }
        String[] train = firstOfSplit.get("train");
        String[] dev = firstOfSplit.get("dev");
        String[] test = firstOfSplit.get("test");
        Path data = tmp.resolve("citelens.tsv");
        Files.write(data, List.of(header, String.join("\t", train), String.join("\t", dev), String.join("\t", test)),
                StandardCharsets.UTF_8);
        Path statements = tmp.resolve("export.jsonl");
        Files.write(statements, List.of(
                exported(train[0], train[2], "discussion"), // labelled already
                exported("u-held", test[2], "discussion"), // an article with test rows
                exported("u-keep", train[2], "discussion"),
                exported("u-methods", train[2], "methods")), // the section rule keeps it from the transformer
                StandardCharsets.UTF_8);
        Path out = tmp.resolve("rows.jsonl");

        assertEquals(0, Main.run(new String[] {"transformer-data", "--data", data.toString(), "--out", out.toString(),
                "--max-tokens", "96", "--sentence-tokens", "64", "--teacher", "shipped",
                "--statements", statements.toString()}));

        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) rows.add(JSON.readTree(line));
        assertEquals(4, rows.size(), "three labelled rows and one unlabelled");
        assertTrue(rows.get(0).has("teacher"), "a training row carries the teacher's logits");
        assertFalse(rows.get(1).has("teacher"), "a dev row is never distilled on");
        assertFalse(rows.get(2).has("teacher"), "a test row is never distilled on");
        JsonNode kept = rows.get(3);
        assertEquals("u-keep", kept.get("id").asText());
        assertEquals("unlabelled", kept.get("split").asText());
        assertEquals(-1, kept.get("label").asInt());
        try (TransformerClassifier teacher = Classifiers.shippedTransformer(1)) {
            double[] expected = teacher.logits(List.of(
                    new TransformerInput(longs(kept.get("ids")), longs(kept.get("types")))))[0];
            double[] got = new double[3];
            for (int i = 0; i < 3; i++) got[i] = kept.get("teacher").get(i).asDouble();
            assertArrayEquals(expected, got, 1e-6, "the row carries the shipped model's logits for its own ids");
        }
    }

    @Test
    void statementsWithoutATeacherIsAUsageError() {
        assertEquals(2, Main.run(new String[] {"transformer-data", "--data", "x.tsv", "--out",
                tmp.resolve("o.jsonl").toString(), "--statements", "x.jsonl"}));
    }

    @Test
    void aStatementsLineThatIsNotJsonFailsNamingTheLineAndWritesNothing() throws Exception {
        Path data = tmp.resolve("citelens.tsv");
        List<String> lines = Files.readAllLines(
                RepositoryFiles.dataRoot().resolve("annotations/citelens.tsv"), StandardCharsets.UTF_8);
        Files.write(data, lines.subList(0, 2), StandardCharsets.UTF_8);
        Path statements = tmp.resolve("export.jsonl");
        Files.write(statements, List.of(exported("u-1", "doi:10.1/x", "discussion"), "{not json"),
                StandardCharsets.UTF_8);
        Path out = tmp.resolve("rows.jsonl");
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream capture = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            code = Main.run(new String[] {"transformer-data", "--data", data.toString(), "--out", out.toString(),
                    "--teacher", "shipped", "--statements", statements.toString()});
        } finally {
            System.setErr(original);
        }
        assertEquals(1, code);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("line 2 is not valid JSON"), message);
        assertEquals(1, message.strip().lines().count(), "one line: " + message);
        assertFalse(Files.exists(out), "no half-written output");
    }

    private static String exported(String id, String article, String section) {
        ObjectNode n = JSON.createObjectNode().put("id", id);
        n.putObject("citing").put("articleId", article);
        n.put("marker", "Smith et al., 2010").put("before", "").put("sentence", CONTRAST).put("after", "")
                .put("section", section);
        return n.toString();
    }

    private static long[] longs(JsonNode a) {
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).asLong();
        return out;
    }
}
