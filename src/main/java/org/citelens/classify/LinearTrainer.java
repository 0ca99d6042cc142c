package org.citelens.classify;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Fits L2-regularised logistic regression (one model per label, liblinear's primal trust-region Newton solver) on
 * binary sparse rows, with a weight per label against class imbalance, optionally on NBSVM-scaled features. Same
 * rows and seed give the same weights.
 */
final class LinearTrainer {
    /** The fitted weights in {@link Labels} order. */
    record Weights(float[] weights, double[] bias) {}

    static {
        Linear.disableDebugOutput();
    }

    private LinearTrainer() {}

    /**
     * @param rows sorted, distinct 0-based feature indices per row
     * @param labels label index per row ({@link Labels})
     * @param featureCount size of the feature space
     */
    static Weights fit(List<int[]> rows, int[] labels, int featureCount, TrainingOptions options) {
        boolean[] seen = new boolean[Labels.COUNT];
        for (int label : labels) seen[label] = true;
        for (int c = 0; c < Labels.COUNT; c++) {
            if (!seen[c])
                throw new IllegalArgumentException(
                        "training data has no " + Labels.label(c).wireName() + " rows");
        }
        if (options.nbAlpha() > 0) return fitNb(rows, labels, featureCount, options);
        double[] y = new double[labels.length];
        for (int i = 0; i < y.length; i++) y[i] = labels[i];
        Parameter param = new Parameter(SolverType.L2R_LR, options.c(), 0.001);
        param.setWeights(
                options.classWeights().clone(), new int[] {Labels.SUPPORTING, Labels.CONTRASTING, Labels.MENTIONING});
        param.setRandom(new Random(options.seed()));
        Model model = Linear.train(problem(rows, y, null, featureCount, options), param);
        return extract(model, featureCount);
    }

    /**
     * One-vs-rest with NBSVM scaling (Wang &amp; Manning 2012): each label's binary problem sees every feature scaled by
     * its log-count ratio between the label's rows and the others, and the ratio is folded back into the weights so
     * that scoring stays a plain dot product over binary features.
     */
    private static Weights fitNb(List<int[]> rows, int[] labels, int featureCount, TrainingOptions options) {
        double alpha = options.nbAlpha();
        float[] weights = new float[featureCount * Labels.COUNT];
        double[] bias = new double[Labels.COUNT];
        for (int c = 0; c < Labels.COUNT; c++) {
            double[] y = new double[labels.length];
            for (int i = 0; i < y.length; i++) y[i] = labels[i] == c ? 1 : -1;
            double[] r = nbRatios(rows, labels, c, featureCount, alpha);
            Parameter param = new Parameter(SolverType.L2R_LR, options.c(), 0.001);
            param.setWeights(new double[] {options.classWeights()[c], 1}, new int[] {1, -1});
            param.setRandom(new Random(options.seed()));
            Model model = Linear.train(problem(rows, y, r, featureCount, options), param);
            double sign = model.getLabels()[0] == 1 ? 1 : -1;
            double[] w = model.getFeatureWeights();
            for (int f = 0; f < featureCount; f++) weights[f * Labels.COUNT + c] = (float) (sign * w[f] * r[f]);
            bias[c] = sign * w[featureCount];
        }
        return new Weights(weights, bias);
    }

    /**
     * Each feature's naive Bayes log-count ratio between label c's rows and the others, both counts smoothed with
     * alpha: log((p / |p|) / (q / |q|)).
     */
    static double[] nbRatios(List<int[]> rows, int[] labels, int c, int featureCount, double alpha) {
        double[] pos = new double[featureCount];
        double[] neg = new double[featureCount];
        Arrays.fill(pos, alpha);
        Arrays.fill(neg, alpha);
        double pSum = alpha * featureCount;
        double nSum = alpha * featureCount;
        for (int i = 0; i < rows.size(); i++) {
            boolean positive = labels[i] == c;
            double[] t = positive ? pos : neg;
            for (int f : rows.get(i)) t[f]++;
            if (positive) pSum += rows.get(i).length;
            else nSum += rows.get(i).length;
        }
        double[] r = new double[featureCount];
        for (int f = 0; f < featureCount; f++) r[f] = Math.log((pos[f] / pSum) / (neg[f] / nSum));
        return r;
    }

    /** Binary rows as liblinear columns (plus a bias column), each present feature worth its scale, or 1 when null. */
    private static Problem problem(
            List<int[]> rows, double[] y, double[] scale, int featureCount, TrainingOptions options) {
        Problem problem = new Problem();
        problem.l = rows.size();
        problem.n = featureCount + 1;
        problem.bias = 1;
        problem.y = y;
        problem.x = new Feature[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            int[] r = rows.get(i);
            double v = LinearScorer.value(r.length, options.normalize());
            Feature[] x = new Feature[r.length + 1];
            for (int k = 0; k < r.length; k++) x[k] = new FeatureNode(r[k] + 1, scale == null ? v : v * scale[r[k]]);
            x[r.length] = new FeatureNode(featureCount + 1, 1);
            problem.x[i] = x;
        }
        return problem;
    }

    private static Weights extract(Model model, int featureCount) {
        int[] order = model.getLabels();
        double[] w = model.getFeatureWeights();
        int k = model.getNrClass();
        float[] weights = new float[featureCount * Labels.COUNT];
        double[] bias = new double[Labels.COUNT];
        for (int j = 0; j < k; j++) {
            int label = order[j];
            for (int f = 0; f < featureCount; f++) weights[f * Labels.COUNT + label] = (float) w[f * k + j];
            bias[label] = w[featureCount * k + j];
        }
        return new Weights(weights, bias);
    }
}
