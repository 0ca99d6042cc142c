package org.citelens.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Fits one model on a subset of a {@link FeatureTable}: picks the vocabulary, fits the linear model on grouped
 * inner folds to get out-of-fold decision values, fits the calibration and the thresholds on those, then fits the
 * final linear model on the whole subset.
 */
final class Trainer {
    private final FeatureTable table;
    private final TrainingOptions options;
    private final Consumer<String> progress;

    Trainer(FeatureTable table, TrainingOptions options, Consumer<String> progress) {
        this.table = table;
        this.options = options;
        this.progress = progress;
    }

    ClassifierModel fit(int[] subset, String description) {
        // A set trained without the default domain (athar alone, say) is its own target domain.
        boolean hasDefault =
                Arrays.stream(subset).anyMatch(i -> table.statement(i).dataset().equals(options.defaultDomain()));
        TrainingOptions options = hasDefault
                ? this.options
                : this.options.withDefaultDomain(table.statement(subset[0]).dataset());
        int[] localOf = vocabulary(subset);
        int featureCount = 0;
        for (int id : localOf) featureCount = Math.max(featureCount, id + 1);
        List<int[]> rows = new ArrayList<>(subset.length);
        int[] labels = new int[subset.length];
        for (int k = 0; k < subset.length; k++) {
            rows.add(localRow(table.row(subset[k]), localOf));
            labels[k] = table.label(subset[k]);
        }

        int[] fold = GroupedFolds.assign(table.papers(subset), options.folds(), options.seed());
        double[][] oof = new double[subset.length][];
        for (int f = 0; f < options.folds(); f++) {
            List<int[]> trainRows = new ArrayList<>();
            List<Integer> trainLabels = new ArrayList<>();
            for (int k = 0; k < subset.length; k++) {
                if (fold[k] != f) {
                    trainRows.add(rows.get(k));
                    trainLabels.add(labels[k]);
                }
            }
            LinearTrainer.Weights w = LinearTrainer.fit(
                    trainRows, trainLabels.stream().mapToInt(Integer::intValue).toArray(), featureCount, options);
            for (int k = 0; k < subset.length; k++) {
                if (fold[k] == f) oof[k] = score(w, rows.get(k));
            }
            progress.accept("calibration fold " + (f + 1) + "/" + options.folds());
        }
        // Calibrate and choose thresholds on the rows of the target domain only: the other sets differ in label
        // balance and meaning, and their rows would pull the thresholds away from what the shipped model needs.
        int[] target = IntStream.range(0, subset.length)
                .filter(k -> table.statement(subset[k]).dataset().equals(options.defaultDomain()))
                .toArray();
        if (target.length == 0) target = IntStream.range(0, subset.length).toArray();
        double[][] targetOof = new double[target.length][];
        int[] targetLabels = new int[target.length];
        for (int k = 0; k < target.length; k++) {
            targetOof[k] = oof[target[k]];
            targetLabels[k] = labels[target[k]];
        }
        Calibrator calibrator = Calibrator.fit(targetOof, targetLabels, Labels.COUNT);
        double[][] probs = new double[target.length][];
        for (int k = 0; k < target.length; k++) probs[k] = calibrator.probabilities(targetOof[k]);
        DecisionRule rule = ThresholdSelector.choose(probs, targetLabels, options.precisionTarget());

        LinearTrainer.Weights w = LinearTrainer.fit(rows, labels, featureCount, options);
        progress.accept("final fit on " + subset.length + " rows, " + featureCount + " features");
        String[] names = new String[featureCount];
        for (int id = 0; id < localOf.length; id++) {
            if (localOf[id] >= 0) names[localOf[id]] = table.name(id);
        }
        if (!options.domainFeatures()) {
            return new ClassifierModel(
                    names,
                    w.weights(),
                    null,
                    w.bias(),
                    options.normalize(),
                    List.of(),
                    "",
                    calibrator,
                    rule,
                    description,
                    options.features());
        }
        return DomainFolding.fold(names, w.weights(), w.bias(), options, calibrator, rule, description);
    }

    private double[] score(LinearTrainer.Weights w, int[] row) {
        return LinearScorer.score(
                w.weights(), w.bias(), row, row.length, LinearScorer.value(row.length, options.normalize()));
    }

    /** Maps global feature ids to dense local ids, keeping features seen in at least minCount rows of the subset. */
    private int[] vocabulary(int[] subset) {
        int[] count = new int[table.nameCount()];
        for (int i : subset) {
            for (int id : table.row(i)) count[id]++;
        }
        int[] localOf = new int[count.length];
        Arrays.fill(localOf, -1);
        int next = 0;
        for (int id = 0; id < count.length; id++) {
            if (count[id] >= options.minCount()) localOf[id] = next++;
        }
        return localOf;
    }

    private static int[] localRow(int[] global, int[] localOf) {
        int[] out = new int[global.length];
        int n = 0;
        for (int id : global) {
            if (localOf[id] >= 0) out[n++] = localOf[id];
        }
        // Global ids are sorted and the local map is monotone, so the local row is sorted too.
        return Arrays.copyOf(out, n);
    }
}
