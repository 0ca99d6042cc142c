package org.citelens.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.citelens.Figures;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the model card's held-out dev figures: trains on the clinical train papers exactly as
 * {@code train --train-split-only} does, scores the dev papers, and compares with figures/classifier.properties.
 */
class DevFigureTest {
    @Test
    void clinicalDevFiguresMatchTheModelCard() throws Exception {
        Figures figures = Figures.of("classifier");
        List<LabelledStatement> rows = LabelledData.read(RepositoryFiles.dataset("clinical.tsv"));
        List<LabelledStatement> train = rows.stream().filter(r -> !r.isDev()).toList();
        List<LabelledStatement> dev =
                rows.stream().filter(LabelledStatement::isDev).toList();
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
        assertEquals(figures.count("dev.n"), e.n());
        figures.near("dev.macro_f1", e.macroF1());
        figures.near("dev.supporting.precision", e.precision()[0]);
        figures.near("dev.accuracy", e.accuracy());
        figures.atMost("dev.ece", e.ece(), "probabilities stay calibrated on held-out papers");
    }
}
