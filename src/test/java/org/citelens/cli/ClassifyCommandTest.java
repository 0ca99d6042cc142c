package org.citelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** classify with the shipped labellers: labelled lines keep their fields, bad lines get an error and the run goes on. */
class ClassifyCommandTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultTransformerLabellerNamesItselfAndKeepsTheSectionRule() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Path out = dir.resolve("out.jsonl");
        Files.write(
                in,
                List.of(
                        "{\"id\":\"a\",\"section\":\"discussion\",\"before\":\"We measured mortality in 400 patients.\",\"sentence\":\"Our results are consistent with those of Smith et al. [12], who also found a reduction in mortality.\",\"after\":\"\",\"target_marker\":\"[12]\"}",
                        "{\"id\":\"b\",\"section\":\"methods\",\"sentence\":\"Mass spectrometry was performed as described previously [4].\",\"target_marker\":\"[4]\"}",
                        "{not json",
                        "{\"id\":\"d\",\"section\":\"introduction\",\"sentence\":\"This improvement has been confirmed by another study [5].\",\"target_marker\":\"[5]\"}"),
                StandardCharsets.UTF_8);
        assertEquals(0, Main.run(new String[] {"classify", "--input", in.toString(), "--output", out.toString()}));
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(4, lines.size());
        ObjectMapper json = new ObjectMapper();
        String model = org.citelens.classify.Classifiers.defaultModelName();
        JsonNode a = json.readTree(lines.get(0));
        assertEquals(model, a.get("labelModel").asText());
        assertEquals("supporting", a.get("label").asText(), lines.get(0));
        for (int i : new int[] {1, 3}) {
            JsonNode n = json.readTree(lines.get(i));
            assertEquals("mentioning", n.get("label").asText(), lines.get(i));
            assertEquals(0.97, n.get("confidence").asDouble(), 1e-9, "the section rule's hand-checked precision");
            assertEquals(model, n.get("labelModel").asText());
        }
        assertTrue(json.readTree(lines.get(2)).get("error").asText().startsWith("not valid JSON"));
    }

    @Test
    void jsonLinesRoundTripWithErrorLines() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Path out = dir.resolve("out.jsonl");
        Files.write(
                in,
                List.of(
                        "{\"id\":\"a\",\"before\":\"\",\"sentence\":\"Our results are consistent with those of Smith et al. [12], who also found a reduction in mortality.\",\"after\":\"\",\"target_marker\":\"[12]\",\"extra\":7}",
                        "{\"id\":\"b\",\"sentence\":\"Mass spectrometry was performed as described previously [4].\",\"target_marker\":\"[4]\"}",
                        "{not json",
                        "{\"id\":\"d\",\"before\":\"x\"}",
                        "",
                        "{\"id\":\"e\",\"sentence\":\"In contrast to [7], we observed no effect of the drug on survival.\"}",
                        "{\"id\":\"f\",\"section\":\"methods\",\"sentence\":\"Our results are consistent with those of Smith et al. [12], who also found a reduction in mortality.\",\"target_marker\":\"[12]\"}",
                        "{\"id\":\"g\",\"section\":\"appendix\",\"sentence\":\"As in [3].\"}",
                        "{\"id\":\"h\",\"section\":\"introduction\",\"sentence\":\"This improvement has been confirmed by another study [5].\",\"target_marker\":\"[5]\"}",
                        "{\"id\":\"i\",\"section\":\"discussion\",\"sentence\":\"This improvement has been confirmed by another study [5].\",\"target_marker\":\"[5]\"}"),
                StandardCharsets.UTF_8);
        int code = Main.run(
                new String[] {"classify", "--labeller", "fast", "--input", in.toString(), "--output", out.toString()});
        assertEquals(0, code);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(9, lines.size(), "one output line per non-blank input line");
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(lines.get(0));
        assertEquals("a", a.get("id").asText());
        assertEquals(7, a.get("extra").asInt(), "input fields are kept");
        assertEquals("supporting", a.get("label").asText());
        for (int i : new int[] {0, 1, 4}) {
            JsonNode n = json.readTree(lines.get(i));
            assertFalse(n.has("error"), lines.get(i));
            assertTrue(Set.of("supporting", "contrasting", "mentioning")
                    .contains(n.get("label").asText()));
            double sum = 0;
            for (String l : List.of("supporting", "contrasting", "mentioning"))
                sum += n.get("scores").get(l).asDouble();
            assertEquals(1.0, sum, 1e-3);
            assertEquals(
                    n.get("scores").get(n.get("label").asText()).asDouble(),
                    n.get("confidence").asDouble(),
                    1e-9);
        }
        assertEquals("mentioning", json.readTree(lines.get(1)).get("label").asText());
        JsonNode bad = json.readTree(lines.get(2));
        assertTrue(bad.get("error").asText().startsWith("not valid JSON"), lines.get(2));
        assertEquals("{not json", bad.get("input").asText());
        JsonNode noSentence = json.readTree(lines.get(3));
        assertEquals("d", noSentence.get("id").asText());
        assertTrue(noSentence.get("error").asText().contains("sentence"));
        assertFalse(noSentence.has("label"));
        JsonNode methods = json.readTree(lines.get(5));
        assertEquals("mentioning", methods.get("label").asText(), "a Methods section presents no results of its own");
        assertEquals(
                a.get("scores").get("supporting").asDouble(),
                methods.get("scores").get("supporting").asDouble(),
                1e-9,
                "the scores stay the model's");
        // the model, which never saw a Methods sentence, doubts mentioning here; the rule's checked precision does not
        assertTrue(methods.get("scores").get("mentioning").asDouble() < 0.5, lines.get(5));
        assertEquals(0.97, methods.get("confidence").asDouble(), 1e-9, "the Methods rule's hand-checked precision");
        assertTrue(json.readTree(lines.get(6)).get("error").asText().contains("unknown section"));
        // an introduction reports others' findings: mentioning, where a discussion of the same words is not
        JsonNode intro = json.readTree(lines.get(7));
        JsonNode discussion = json.readTree(lines.get(8));
        assertEquals("supporting", discussion.get("label").asText(), lines.get(8));
        assertEquals("mentioning", intro.get("label").asText(), "an Introduction presents no results of its own");
        assertEquals(0.97, intro.get("confidence").asDouble(), 1e-9);
    }

    @Test
    void missingOptionsAreUsageErrors() {
        assertEquals(2, Main.run(new String[] {
            "classify", "--input", dir.resolve("x.jsonl").toString()
        }));
        assertEquals(2, Main.run(new String[] {"evaluate"}));
        assertEquals(2, Main.run(new String[] {"train", "--model", "m.bin"}));
    }

    /** The feature switches once read from system properties are refused, not silently ignored (docs/classifier.md). */
    @Test
    void retiredFeaturePropertiesAreRefused(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(
                dir.resolve("in.jsonl"), "{\"sentence\": \"As shown by [1].\", \"marker\": \"[1]\"}\n");
        System.setProperty("citelens.trigrams", "true");
        try {
            int code = Main.run(new String[] {
                "classify",
                "--input",
                in.toString(),
                "--output",
                dir.resolve("out.jsonl").toString()
            });
            assertEquals(2, code);
            assertFalse(Files.exists(dir.resolve("out.jsonl")));
        } finally {
            System.clearProperty("citelens.trigrams");
        }
    }
}
