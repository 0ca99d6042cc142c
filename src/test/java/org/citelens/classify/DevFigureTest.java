package org.citelens.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.citelens.testdata.RepositoryFiles;

/**
 * Reproduces the model card's held-out dev figures: trains on the clinical train papers exactly as
 * {@code train --train-split-only} does, scores the dev papers, and compares with expected-figures.properties.
 */
class DevFigureTest {
    @Test
    void clinicalDevFiguresMatchTheModelCard() throws Exception {
        Properties expected = new Properties();
        try (InputStream in = DevFigureTest.class.getResourceAsStream("expected-figures.properties")) {
            expected.load(in);
        }
        double tolerance = Double.parseDouble(expected.getProperty("tolerance"));
        List<LabelledStatement> rows = LabelledData.read(RepositoryFiles.dataset("clinical.tsv"));
        List<LabelledStatement> train = rows.stream().filter(r -> !r.isDev()).toList();
        List<LabelledStatement> dev = rows.stream().filter(LabelledStatement::isDev).toList();
        ClassifierModel model = CrossValidation.trainFinal(train, TrainingOptions.defaults(), "test", m -> {});

        int[] gold = new int[dev.size()];
        int[] predicted = new int[dev.size()];
        double[][] probs = new double[dev.size()][];
        for (int i = 0; i < dev.size(); i++) {
            probs[i] = model.probabilities(dev.get(i).input(), "clinical");
            predicted[i] = Labels.index(model.rule().decide(probs[i]));
            gold[i] = Labels.index(dev.get(i).label());
        }
        Evaluation e = Evaluation.of(gold, predicted, probs);
        assertEquals(Integer.parseInt(expected.getProperty("clinical.dev.n")), e.n());
        assertEquals(Double.parseDouble(expected.getProperty("clinical.dev.macro_f1")), e.macroF1(), tolerance);
        assertEquals(Double.parseDouble(expected.getProperty("clinical.dev.supporting.precision")), e.precision()[0], tolerance);
        assertEquals(Double.parseDouble(expected.getProperty("clinical.dev.accuracy")), e.accuracy(), tolerance);
        assertTrue(e.ece() < 0.1, "probabilities stay calibrated on held-out papers, ECE " + e.ece());
    }
}
