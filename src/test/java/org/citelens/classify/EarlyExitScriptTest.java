package org.citelens.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * early_exit.py on a graph train.py wrote (the tiny MiniLM model TransformerTrainingTest trains, shared through
 * TinyModelExtension): {@code expose} keeps the logits and adds layer 3's states, one 384-wide vector per token, which
 * LayerFeatures pools for the probe; {@code split} cuts the graph at layer 3 into halves that, run by the two-graph
 * runtime with no statement exiting, give the whole graph's decisions and nearly its logits.
 */
@ExtendWith(TinyModelExtension.class)
class EarlyExitScriptTest {
    private static final int LAYER = 3;
    private static final int WIDTH = 384;

    @TempDir
    static Path tmp;

    private static Path model;
    private static TransformerSettings settings;
    private static List<ClassifierInput> statements;

    @BeforeAll
    static void exposeTheTinyModel(TinyModelExtension.TinyModel tiny) throws Exception {
        model = tiny.dir();
        try (InputStream in = Files.newInputStream(model.resolve("settings.json"))) {
            settings = TransformerSettings.read(in);
        }
        statements = new ArrayList<>();
        for (LabelledStatement r : LabelledData.read(RepositoryFiles.dataRoot().resolve("annotations/citelens.tsv"))
                .subList(0, 20)) {
            statements.add(r.input());
        }
        run("expose", "--model", model.resolve("model.onnx").toString(), "--layer", Integer.toString(LAYER),
                "--out", tmp.resolve("exposed.onnx").toString());
    }

    private static void run(String... args) throws Exception {
        TrainerScript run = TrainerScript.run("early_exit.py", tmp.resolve("log"), 100, List.of(args));
        assertEquals(0, run.exitValue(), run.output());
    }

    @Test
    @Timeout(300)
    void theExposedGraphKeepsTheLogitsAndAddsTheMiddleLayer() throws Exception {
        Path exposed = tmp.resolve("exposed.onnx");
        List<TransformerInput> encoded = encode();
        try (TransformerClassifier whole =
                        new TransformerClassifier(Files.readAllBytes(model.resolve("model.onnx")), settings, 1);
                LayerFeatures features = new LayerFeatures(exposed, settings)) {
            double[][] expected = whole.logits(encoded);
            List<LayerFeatures.Row> rows = features.score(statements, n -> {});
            for (int i = 0; i < statements.size(); i++) {
                float[] got = rows.get(i).logits();
                assertArrayEquals(expected[i], new double[] {got[0], got[1], got[2]}, 1e-5, "exposing changes no logit");
                float[] pooled = rows.get(i).pooled();
                assertEquals(WIDTH, pooled.length);
                double norm = 0;
                for (float v : pooled) norm += v * v;
                assertTrue(norm > 1, "layer " + LAYER + "'s states are not empty: squared norm " + norm);
            }
        }
    }

    @Test
    @Timeout(300)
    void theTwoHalvesGiveTheWholeGraphsDecisions() throws Exception {
        run("split", "--model", model.resolve("model.onnx").toString(), "--layer", Integer.toString(LAYER),
                "--out-lower", tmp.resolve("lower.onnx").toString(), "--out-upper", tmp.resolve("upper.onnx").toString());
        List<TransformerInput> encoded = encode();
        try (TransformerClassifier one =
                        new TransformerClassifier(Files.readAllBytes(model.resolve("model.onnx")), settings, 1);
                TransformerClassifier two = new TransformerClassifier(Files.readAllBytes(tmp.resolve("lower.onnx")),
                        Files.readAllBytes(tmp.resolve("upper.onnx")), withNeverExitingProbe(), 1)) {
            double[][] expected = one.logits(encoded);
            double[][] got = two.logits(encoded);
            double worst = 0;
            for (int i = 0; i < encoded.size(); i++) {
                for (int c = 0; c < Labels.COUNT; c++) worst = Math.max(worst, Math.abs(expected[i][c] - got[i][c]));
                assertEquals(one.rule().decide(TransformerClassifier.softmax(expected[i], settings.temperature())),
                        two.rule().decide(TransformerClassifier.softmax(got[i], settings.temperature())), "row " + i);
            }
            // The upper graph is fed zeros where the whole graph carried padding states on; its int8 activations are
            // scaled per batch tensor, padding included, so the logits move slightly (as they do when a statement's
            // batch-mates change).
            assertTrue(worst < 0.2, "largest logit difference " + worst);
        }
    }

    /**
     * {@code exit-features}: a line per labelled row and per exported statement past the model folder's section rule
     * and fast screen, with the exposed graph's logits and the pooled states, in input order.
     */
    @Test
    @Timeout(300)
    void exitFeaturesWritesALinePerRowAndPerStatementPastTheScreen() throws Exception {
        List<String> lines = Files.readAllLines(RepositoryFiles.dataRoot().resolve("annotations/citelens.tsv"));
        Path data = Files.createDirectories(tmp.resolve("twelve")).resolve("citelens.tsv");
        Files.write(data, lines.subList(0, 13)); // the header and twelve rows
        Path export = tmp.resolve("export.jsonl");
        String contrast = "In contrast to the earlier report (Smith et al., 2010), we found no association.";
        Files.write(export, List.of(exported("u-discussion", "discussion", contrast),
                exported("u-methods", "methods", contrast))); // the section rule keeps this one from the transformer
        Path out = tmp.resolve("features.jsonl");
        org.citelens.cli.ExitFeaturesCommand command = new org.citelens.cli.ExitFeaturesCommand();
        org.junit.jupiter.api.Assertions.assertThrows(org.citelens.cli.UsageException.class,
                () -> command.run(new org.citelens.cli.Args(List.of("--model", model.toString(), "--data",
                        data.toString(), "--statements", export.toString(), "--out", out.toString()))),
                "--exposed is required");
        org.junit.jupiter.api.Assertions.assertThrows(org.citelens.cli.CommandFailedException.class,
                () -> command.run(new org.citelens.cli.Args(List.of("--model", model.toString(), "--exposed",
                        model.resolve("model.onnx").toString(), "--data", data.toString(), "--statements",
                        export.toString(), "--out", out.toString()))),
                "a graph without the exposed layer is refused with one line");
        assertEquals(0, command.run(new org.citelens.cli.Args(List.of("--model", model.toString(),
                "--exposed", tmp.resolve("exposed.onnx").toString(), "--data", data.toString(),
                "--statements", export.toString(), "--out", out.toString()))));

        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<com.fasterxml.jackson.databind.JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(out)) rows.add(json.readTree(line));
        assertEquals(13, rows.size(), "twelve labelled rows and the statement past the screen");
        assertEquals(lines.get(1).split("\t", -1)[0], rows.get(0).get("id").asText(), "in input order");
        assertEquals("citelens", rows.get(0).get("dataset").asText());
        com.fasterxml.jackson.databind.JsonNode corpus = rows.get(12);
        assertEquals("u-discussion", corpus.get("id").asText());
        assertEquals("corpus", corpus.get("dataset").asText());
        assertTrue(corpus.get("reaches").asBoolean());
        assertEquals(WIDTH, corpus.get("pooled").size());
        try (TransformerClassifier whole =
                new TransformerClassifier(Files.readAllBytes(model.resolve("model.onnx")), settings, 1)) {
            LabelledStatement first = LabelledData.read(data).get(0);
            double[] expected = whole.logits(encode(List.of(first.input())))[0];
            for (int c = 0; c < Labels.COUNT; c++) {
                // scored in another batch than here: int8 activations are scaled per batch
                assertEquals(expected[c], rows.get(0).get("logits").get(c).asDouble(), 0.2, "logit " + c);
            }
        }
    }

    private static String exported(String id, String section, String sentence) {
        com.fasterxml.jackson.databind.node.ObjectNode n =
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("id", id);
        n.putObject("citing").put("articleId", "doi:10.1/x");
        n.put("marker", "Smith et al., 2010").put("before", "").put("sentence", sentence).put("after", "")
                .put("section", section);
        return n.toString();
    }

    private static List<TransformerInput> encode() {
        return encode(statements);
    }

    private static List<TransformerInput> encode(List<ClassifierInput> statements) {
        List<TransformerInput> out = new ArrayList<>();
        try (EncoderTokenizer tokenizer = EncoderTokenizer.load()) {
            TransformerInputBuilder builder =
                    new TransformerInputBuilder(tokenizer, settings.maxTokens(), settings.sentenceTokens());
            for (ClassifierInput s : statements) out.add(builder.build(s));
        }
        return out;
    }

    /** The model's settings with a probe that always gives a third to each label: nothing exits. */
    private static TransformerSettings withNeverExitingProbe() {
        double[] scale = new double[WIDTH];
        Arrays.fill(scale, 1.0);
        return new TransformerSettings(settings.name(), settings.encoder(), settings.maxTokens(),
                settings.sentenceTokens(), settings.temperature(), settings.supportingThreshold(),
                settings.contrastingThreshold(), settings.screenThreshold(), settings.screenCues(),
                settings.confidenceCalibration(), settings.description(),
                new EarlyExit(LAYER, 0.85, new double[WIDTH], scale, new double[WIDTH][Labels.COUNT], new double[3]));
    }
}
