package org.citelens.classify;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * {@link Trainer} for the embedding experiment: the same vocabulary, inner grouped folds, NBSVM one-vs-rest fits,
 * calibration and thresholds, but each row may also carry a dense vector (a sentence embedding, scaled by
 * {@code denseScale}) appended to its sparse features, and the sparse part may be left out. With no dense part it
 * gives the shipped model's out-of-fold figures (the check that the two procedures agree).
 */
final class DenseAugmentedTrainer {
    /** A fitted model over one training subset; scores rows of the same {@link FeatureTable}. */
    record Fitted(
            int[] localOf,
            float[] sparse,
            double[] dense,
            double[] bias,
            Calibrator calibrator,
            DecisionRule rule,
            DenseAugmentedTrainer trainer)
            implements CrossValidation.FoldModel {
        @Override
        public double[] probabilities(int row) {
            return calibrator.probabilities(trainer.score(sparse, dense, bias, trainer.localRow(row, localOf), row));
        }
    }

    static {
        Linear.disableDebugOutput();
    }

    private final FeatureTable table;
    private final float[][] dense;
    private final double denseScale;
    private final boolean useSparse;
    private final TrainingOptions options;

    /**
     * @param dense one vector per table row, or null for none
     * @param useSparse false to train on the dense vectors alone
     */
    DenseAugmentedTrainer(
            FeatureTable table, float[][] dense, double denseScale, boolean useSparse, TrainingOptions options) {
        if (dense == null && !useSparse) throw new IllegalArgumentException("no features at all");
        this.table = table;
        this.dense = dense;
        this.denseScale = denseScale;
        this.useSparse = useSparse;
        this.options = options;
    }

    private int dim() {
        return dense == null ? 0 : dense[0].length;
    }

    Fitted fit(int[] subset) {
        int[] localOf = vocabulary(subset);
        int featureCount = 0;
        for (int id : localOf) featureCount = Math.max(featureCount, id + 1);
        int[] fold = GroupedFolds.assign(table.papers(subset), options.folds(), options.seed());
        double[][] oof = new double[subset.length][];
        for (int f = 0; f < options.folds(); f++) {
            int held = f;
            int[] train = IntStream.range(0, subset.length)
                    .filter(k -> fold[k] != held)
                    .map(k -> subset[k])
                    .toArray();
            Fitted w = weights(train, localOf, featureCount);
            for (int k = 0; k < subset.length; k++) {
                if (fold[k] == f) oof[k] = score(w.sparse, w.dense, w.bias, localRow(subset[k], localOf), subset[k]);
            }
        }
        int[] labels = Arrays.stream(subset).map(table::label).toArray();
        Calibrator calibrator = Calibrator.fit(oof, labels, Labels.COUNT);
        double[][] probs = new double[oof.length][];
        for (int k = 0; k < oof.length; k++) probs[k] = calibrator.probabilities(oof[k]);
        DecisionRule rule = ThresholdSelector.choose(probs, labels, options.precisionTarget());
        Fitted w = weights(subset, localOf, featureCount);
        return new Fitted(localOf, w.sparse, w.dense, w.bias, calibrator, rule, this);
    }

    /** One NBSVM binary problem per label, as {@link LinearTrainer}, with the dense columns after the sparse ones. */
    private Fitted weights(int[] rows, int[] localOf, int featureCount) {
        int dim = dim();
        List<int[]> local = new ArrayList<>(rows.length);
        for (int i : rows) local.add(localRow(i, localOf));
        float[] sparse = new float[featureCount * Labels.COUNT];
        double[] denseW = new double[dim * Labels.COUNT];
        double[] bias = new double[Labels.COUNT];
        for (int c = 0; c < Labels.COUNT; c++) {
            double[] r = ratios(local, rows, c, featureCount);
            Problem problem = new Problem();
            problem.l = rows.length;
            problem.n = featureCount + dim + 1;
            problem.bias = 1;
            problem.y = new double[rows.length];
            problem.x = new Feature[rows.length][];
            for (int k = 0; k < rows.length; k++) {
                problem.y[k] = table.label(rows[k]) == c ? 1 : -1;
                int[] s = local.get(k);
                double v = LinearScorer.value(s.length, options.normalize());
                Feature[] x = new Feature[s.length + dim + 1];
                for (int j = 0; j < s.length; j++) x[j] = new FeatureNode(s[j] + 1, v * r[s[j]]);
                for (int j = 0; j < dim; j++)
                    x[s.length + j] = new FeatureNode(featureCount + j + 1, denseScale * dense[rows[k]][j]);
                x[s.length + dim] = new FeatureNode(featureCount + dim + 1, 1);
                problem.x[k] = x;
            }
            Parameter param = new Parameter(SolverType.L2R_LR, options.c(), 0.001);
            param.setWeights(new double[] {options.classWeights()[c], 1}, new int[] {1, -1});
            param.setRandom(new Random(options.seed()));
            Model model = Linear.train(problem, param);
            double sign = model.getLabels()[0] == 1 ? 1 : -1;
            double[] w = model.getFeatureWeights();
            for (int f = 0; f < featureCount; f++) sparse[f * Labels.COUNT + c] = (float) (sign * w[f] * r[f]);
            for (int j = 0; j < dim; j++) denseW[j * Labels.COUNT + c] = sign * w[featureCount + j];
            bias[c] = sign * w[featureCount + dim];
        }
        return new Fitted(localOf, sparse, denseW, bias, null, null, this);
    }

    /** NBSVM log-count ratios of label c against the rest (all 1 when NB scaling is off). */
    private double[] ratios(List<int[]> local, int[] rows, int c, int featureCount) {
        if (options.nbAlpha() > 0) {
            return LinearTrainer.nbRatios(
                    local, Arrays.stream(rows).map(table::label).toArray(), c, featureCount, options.nbAlpha());
        }
        double[] r = new double[featureCount];
        Arrays.fill(r, 1);
        return r;
    }

    private double[] score(float[] sparse, double[] denseW, double[] bias, int[] localRow, int row) {
        double[] d = LinearScorer.score(
                sparse, bias, localRow, localRow.length, LinearScorer.value(localRow.length, options.normalize()));
        for (int j = 0; j < dim(); j++) {
            double x = denseScale * dense[row][j];
            for (int c = 0; c < Labels.COUNT; c++) d[c] += denseW[j * Labels.COUNT + c] * x;
        }
        return d;
    }

    private int[] vocabulary(int[] subset) {
        int[] localOf = new int[table.nameCount()];
        Arrays.fill(localOf, -1);
        if (!useSparse) return localOf;
        int[] count = new int[table.nameCount()];
        for (int i : subset) {
            for (int id : table.row(i)) count[id]++;
        }
        int next = 0;
        for (int id = 0; id < count.length; id++) {
            if (count[id] >= options.minCount()) localOf[id] = next++;
        }
        return localOf;
    }

    private int[] localRow(int row, int[] localOf) {
        int[] global = table.row(row);
        int[] out = new int[global.length];
        int n = 0;
        for (int id : global) {
            if (localOf[id] >= 0) out[n++] = localOf[id];
        }
        return Arrays.copyOf(out, n);
    }
}
