package org.citelens.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.citelens.model.Label;
import org.citelens.model.SectionType;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two-graph transformer with an early exit, on the shipped model cut at layer 6 by {@code early_exit.py split}:
 * when no statement exits, the lower and upper graphs give the whole graph's decisions and nearly its logits; when every statement exits, the
 * probe's own probabilities come back; settings and graphs that do not go together are refused; and a model folder
 * with the two graphs loads as the layered labeller under the exit model's name.
 */
class EarlyExitRuntimeTest {
    private static final Path SHIPPED = Path.of("src/main/resources/org/citelens/classify/transformer");
    private static final int WIDTH = 384;

    @TempDir
    static Path tmp;

    private static byte[] lower;
    private static byte[] upper;
    private static TransformerSettings shipped;
    private static List<TransformerInput> inputs;

    @BeforeAll
    static void split() throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", "src/main/python/transformer/early_exit.py", "split",
                        "--model", SHIPPED.resolve("model.onnx").toString(), "--layer", "6",
                        "--out-lower", tmp.resolve("lower.onnx").toString(),
                        "--out-upper", tmp.resolve("upper.onnx").toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("log").toFile())
                .start();
        if (!p.waitFor(100, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("early_exit.py split failed: " + Files.readString(tmp.resolve("log")));
        }
        lower = Files.readAllBytes(tmp.resolve("lower.onnx"));
        upper = Files.readAllBytes(tmp.resolve("upper.onnx"));
        try (InputStream in = Files.newInputStream(SHIPPED.resolve("settings.json"))) {
            shipped = TransformerSettings.read(in);
        }
        inputs = new ArrayList<>();
        try (EncoderTokenizer tokenizer = EncoderTokenizer.load()) {
            TransformerInputBuilder builder = new TransformerInputBuilder(tokenizer, 96, 64);
            for (LabelledStatement r : LabelledData.read(RepositoryFiles.dataRoot().resolve("annotations/citelens.tsv"))
                    .subList(0, 24)) {
                inputs.add(builder.build(r.input()));
            }
        }
    }

    /** The shipped settings with a probe that ignores the states and always says {@code bias}. */
    private static TransformerSettings withProbe(double[] bias) {
        double[] mean = new double[WIDTH];
        double[] scale = new double[WIDTH];
        Arrays.fill(scale, 1.0);
        double[][] weights = new double[WIDTH][Labels.COUNT];
        return new TransformerSettings(shipped.name() + "-exit6", shipped.encoder(), shipped.maxTokens(),
                shipped.sentenceTokens(), shipped.temperature(), shipped.supportingThreshold(),
                shipped.contrastingThreshold(), shipped.screenThreshold(), shipped.screenCues(),
                shipped.confidenceCalibration(), shipped.description(),
                new EarlyExit(6, 0.85, mean, scale, weights, bias));
    }

    @Test
    @Timeout(120)
    void whenNoStatementExitsTheTwoGraphsGiveTheWholeGraphsLogits() throws Exception {
        byte[] whole = Files.readAllBytes(SHIPPED.resolve("model.onnx"));
        try (TransformerClassifier one = new TransformerClassifier(whole, shipped, 1);
                TransformerClassifier two = new TransformerClassifier(lower, upper, withProbe(new double[] {0, 0, 0}), 1)) {
            double[][] expected = one.logits(inputs);
            double[][] got = two.logits(inputs);
            double worst = 0;
            for (int i = 0; i < inputs.size(); i++) {
                for (int c = 0; c < Labels.COUNT; c++) worst = Math.max(worst, Math.abs(expected[i][c] - got[i][c]));
                assertEquals(one.rule().decide(TransformerClassifier.softmax(expected[i], shipped.temperature())),
                        two.rule().decide(TransformerClassifier.softmax(got[i], shipped.temperature())), "row " + i);
            }
            // The upper graph is fed zeros where the whole graph carried padding states into layer 7; its int8
            // activations are scaled per batch tensor, padding included, so the logits move slightly (as they do when
            // a statement's batch-mates change) but no decision does.
            assertTrue(worst < 0.2, "largest logit difference " + worst);
        }
    }

    @Test
    @Timeout(120)
    void whenEveryStatementExitsTheProbesProbabilitiesComeBack() {
        double[] bias = {0, 0, 5};
        try (TransformerClassifier two = new TransformerClassifier(lower, upper, withProbe(bias), 1)) {
            double[] probe = TransformerClassifier.softmax(bias, 1);
            for (double[] p : two.probabilities(inputs)) assertArrayEquals(probe, p, 1e-9);
            assertEquals(Label.MENTIONING,
                    two.rule().decide(two.probabilities(inputs.subList(0, 1))[0]));
        }
    }

    @Test
    @Timeout(120)
    void aFolderWithTheTwoGraphsLoadsAsALayeredLabeller() throws Exception {
        Path folder = tmp.resolve("exit6");
        Files.createDirectories(folder);
        Files.write(folder.resolve("lower.onnx"), lower);
        new ObjectMapper().writeValue(folder.resolve("settings.json").toFile(), withProbe(new double[] {0, 0, 5}));
        IOException missing = assertThrows(IOException.class, () -> Classifiers.load(folder, 1));
        assertTrue(missing.getMessage().contains("lower.onnx and upper.onnx"), missing.getMessage());

        Files.write(folder.resolve("upper.onnx"), upper);
        LayeredClassifier loaded = (LayeredClassifier) Classifiers.load(folder, 1);
        try (TransformerClassifier transformer = loaded.transformer()) {
            assertEquals(shipped.name() + "-exit6", loaded.name());
            assertEquals(6, transformer.settings().earlyExit().layer());
            // a Results statement reaches the transformer, and this probe lets every statement exit as mentioning
            ClassifierInput in = new ClassifierInput("We measured the yield.",
                    "In contrast to Smith et al. [12], our yields were higher.", "", "[12]", List.of(),
                    SectionType.RESULTS);
            assertTrue(loaded.reachesTransformer(in), "a contrast cue sends it past the fast screen");
            Prediction p = loaded.classify(in);
            assertEquals(Label.MENTIONING, p.label());
            assertEquals(TransformerClassifier.softmax(new double[] {0, 0, 5}, 1)[Labels.MENTIONING],
                    p.scores().get(Label.MENTIONING), 1e-9, "the probe's probability, not the upper layers'");
        }
    }

    @Test
    void settingsAndGraphsThatDoNotGoTogetherAreRefused() throws Exception {
        byte[] whole = Files.readAllBytes(SHIPPED.resolve("model.onnx"));
        assertThrows(IllegalArgumentException.class,
                () -> new TransformerClassifier(whole, withProbe(new double[] {0, 0, 0}), 1));
        assertThrows(IllegalArgumentException.class, () -> new TransformerClassifier(lower, upper, shipped, 1));
    }
}
