package org.citelens.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The feature switches a model was trained with travel in its file and decide how it is scored when loaded. */
class FeatureOptionsInModelTest {
    private static final FeatureOptions SWITCHED = new FeatureOptions(true, 4, 40);

    /** The labelled sets in the repository, found from the project folder the tests run in. */
    private static List<LabelledStatement> slice() {
        return LabelledData.read(Path.of("corpus", "datasets", "clinical.tsv")).subList(0, 400);
    }

    @Test
    void aModelTrainedWithSwitchesScoresWithThemWhenLoaded() throws Exception {
        List<LabelledStatement> slice = slice();
        TrainingOptions options = TrainingOptions.defaults().withFolds(3).withFeatures(SWITCHED);
        ClassifierModel trained = CrossValidation.trainFinal(slice, options, "slice", m -> {});
        assertTrue(Arrays.stream(trained.features()).anyMatch(f -> f.startsWith("t:")), "trigram features learnt");
        assertTrue(Arrays.stream(trained.features()).anyMatch(f -> f.startsWith("c:")), "character n-grams learnt");

        ClassifierModel read = ModelFile.read(new ByteArrayInputStream(bytes(trained)), "bytes");
        assertEquals(SWITCHED, read.featureOptions());
        for (LabelledStatement s : slice.subList(0, 40)) {
            assertArrayEquals(
                    trained.decisionValues(s.input(), "clinical"), read.decisionValues(s.input(), "clinical"), 1e-9);
        }
        // scored with the default switches instead, the same file would lose every trigram and n-gram feature
        ClassifierInput input = slice.get(3).input();
        assertTrue(FeatureExtractor.of(SWITCHED).features(input, "").size()
                > FeatureExtractor.DEFAULT.features(input, "").size());
    }

    @Test
    void anOldFormatFileHoldingSwitchedFeaturesIsRefused() throws Exception {
        // format 2 (default switches) carrying a trigram feature: what a build reading -Dcitelens.trigrams wrote
        ClassifierModel old = new ClassifierModel(
                new String[] {"u:agree", "t:we_agree_with"},
                new float[6],
                null,
                new double[3],
                true,
                List.of(),
                "",
                new Calibrator(new double[3][3], new double[3]),
                new DecisionRule(0.5, 0.5),
                "old",
                FeatureOptions.DEFAULTS);
        IOException e =
                assertThrows(IOException.class, () -> ModelFile.read(new ByteArrayInputStream(bytes(old)), "old.bin"));
        assertTrue(e.getMessage().contains("old.bin was trained with word trigrams"), e.getMessage());
        assertTrue(e.getMessage().contains("retrain"), e.getMessage());
    }

    @Test
    void theShippedModelLoadsWithTheDefaultsAndKeepsItsBytes() throws Exception {
        ClassifierModel shipped = Classifiers.shippedModel();
        assertEquals(FeatureOptions.DEFAULTS, shipped.featureOptions());
        byte[] resource;
        try (InputStream in = Classifiers.class.getResourceAsStream(Classifiers.SHIPPED_RESOURCE)) {
            resource = in.readAllBytes();
        }
        assertArrayEquals(resource, bytes(shipped), "written again, the shipped model is the same file");
    }

    private static byte[] bytes(ClassifierModel m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelFile.write(m, out);
        return out.toByteArray();
    }
}
