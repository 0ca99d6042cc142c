package org.citelens.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.Test;

class TrainingDeterminismTest {
    private static final TrainingOptions OPTIONS = TrainingOptions.defaults().withFolds(3);

    @Test
    void sameDataSameBytesAndTheFileRoundTrips() throws Exception {
        List<LabelledStatement> slice =
                LabelledData.read(RepositoryFiles.dataset("clinical.tsv")).subList(0, 600);
        byte[] first = bytes(CrossValidation.trainFinal(slice, OPTIONS, "slice", m -> {}));
        byte[] second = bytes(CrossValidation.trainFinal(slice, OPTIONS, "slice", m -> {}));
        assertArrayEquals(first, second);

        ClassifierModel read = ModelFile.read(new ByteArrayInputStream(first), "bytes");
        ClassifierModel fresh = CrossValidation.trainFinal(slice, OPTIONS, "slice", m -> {});
        ClassifierInput input = slice.get(5).input();
        assertArrayEquals(fresh.probabilities(input, "clinical"), read.probabilities(input, "clinical"), 1e-6);
        assertEquals(fresh.rule(), read.rule());
        assertArrayEquals(first, bytes(read), "writing a read model gives the same bytes");
    }

    @Test
    void probabilitiesSumToOneAndConfidenceIsThePredictedLabels() {
        List<LabelledStatement> slice =
                LabelledData.read(RepositoryFiles.dataset("clinical.tsv")).subList(0, 600);
        ClassifierModel m = CrossValidation.trainFinal(slice, OPTIONS, "slice", x -> {});
        for (LabelledStatement s : slice.subList(0, 50)) {
            Prediction p = m.classify(s.input());
            double sum = p.scores().values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
            assertEquals(1.0, sum, 1e-9);
            assertEquals(p.scores().get(p.label()), p.confidence(), 1e-12);
            assertTrue(p.confidence() > 0 && p.confidence() <= 1);
        }
    }

    private static byte[] bytes(ClassifierModel m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelFile.write(m, out);
        return out.toByteArray();
    }
}
