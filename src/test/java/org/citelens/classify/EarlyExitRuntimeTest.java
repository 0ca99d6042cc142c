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
 * The shipped two-graph transformer with its early exit after layer 6: statements the probe finds plainly mentioning
 * exit as mentioning, the others get the upper layers' logits; with a probe that lets every statement exit, the
 * probe's own probabilities come back; settings and graphs that do not go together are refused; and a model folder
 * with the two graphs loads as the layered labeller under the model's name. (That the halves together give the
 * whole graph's logits is EarlyExitScriptTest's, on a model trained there.)
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
    static void read() throws Exception {
        lower = Files.readAllBytes(SHIPPED.resolve("lower.onnx"));
        upper = Files.readAllBytes(SHIPPED.resolve("upper.onnx"));
        try (InputStream in = Files.newInputStream(SHIPPED.resolve("settings.json"))) {
            shipped = TransformerSettings.read(in);
        }
        inputs = new ArrayList<>();
        try (EncoderTokenizer tokenizer = EncoderTokenizer.load()) {
            TransformerInputBuilder builder = new TransformerInputBuilder(tokenizer, 96, 64);
            for (LabelledStatement r : LabelledData.read(RepositoryFiles.dataRoot().resolve("annotations/citelens.tsv"))
                    .subList(0, 48)) {
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
        return new TransformerSettings(shipped.name(), shipped.encoder(), shipped.maxTokens(),
                shipped.sentenceTokens(), shipped.temperature(), shipped.supportingThreshold(),
                shipped.contrastingThreshold(), shipped.screenThreshold(), shipped.screenCues(),
                shipped.confidenceCalibration(), shipped.description(),
                new EarlyExit(6, 0.85, mean, scale, weights, bias));
    }

    @Test
    @Timeout(120)
    void theShippedExitLetsPlainlyMentioningStatementsGoAndKeepsTheRareDecisions() {
        assertEquals(6, shipped.earlyExit().layer());
        try (TransformerClassifier two = new TransformerClassifier(lower, upper, shipped, 1)) {
            double[][] withExit = two.logits(inputs);
            double[][] full = two.fullLogits(inputs);
            int exited = 0;
            for (int i = 0; i < inputs.size(); i++) {
                Label whole = two.rule().decide(TransformerClassifier.softmax(full[i], shipped.temperature()));
                Label got = two.rule().decide(TransformerClassifier.softmax(withExit[i], shipped.temperature()));
                // an exited row carries the probe's logits, which are not the upper layers'
                boolean didExit = Math.abs(withExit[i][Labels.MENTIONING] - full[i][Labels.MENTIONING]) > 0.5;
                if (didExit) {
                    exited++;
                    assertEquals(Label.MENTIONING, got, "row " + i + " exited");
                    assertEquals(Label.MENTIONING, whole, "row " + i + ": the exit took a rare decision");
                } else {
                    assertEquals(whole, got, "row " + i + " went on to the upper layers");
                }
            }
            assertTrue(exited > 0 && exited < inputs.size(), exited + " of " + inputs.size() + " rows exited");
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
            assertEquals(shipped.name(), loaded.name());
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
    void settingsAndGraphsThatDoNotGoTogetherAreRefused() {
        TransformerSettings noExit = new TransformerSettings(shipped.name(), shipped.encoder(), shipped.maxTokens(),
                shipped.sentenceTokens(), shipped.temperature(), shipped.supportingThreshold(),
                shipped.contrastingThreshold(), shipped.screenThreshold(), shipped.screenCues(),
                shipped.confidenceCalibration(), shipped.description(), null);
        // one graph with settings that carry an exit; two graphs with settings that carry none
        assertThrows(IllegalArgumentException.class, () -> new TransformerClassifier(lower, shipped, 1));
        assertThrows(IllegalArgumentException.class, () -> new TransformerClassifier(lower, upper, noExit, 1));
    }
}
