package org.citelens.classify;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.List;
import java.util.Random;

/**
 * Fits L2-regularised logistic regression (one model per label, liblinear's primal trust-region Newton solver) on
 * binary sparse rows, with a weight per label against class imbalance. Same rows and seed give the same weights.
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
        Problem problem = new Problem();
        problem.l = rows.size();
        problem.n = featureCount + 1;
        problem.bias = 1;
        problem.y = new double[rows.size()];
        problem.x = new Feature[rows.size()][];
        boolean[] seen = new boolean[Labels.COUNT];
        for (int i = 0; i < rows.size(); i++) {
            int[] r = rows.get(i);
            double v = LinearScorer.value(r.length, options.normalize());
            Feature[] x = new Feature[r.length + 1];
            for (int k = 0; k < r.length; k++) x[k] = new FeatureNode(r[k] + 1, v);
            x[r.length] = new FeatureNode(featureCount + 1, 1);
            problem.x[i] = x;
            problem.y[i] = labels[i];
            seen[labels[i]] = true;
        }
        for (int c = 0; c < Labels.COUNT; c++) {
            if (!seen[c]) throw new IllegalArgumentException("training data has no " + Labels.label(c).wireName() + " rows");
        }
        Parameter param = new Parameter(SolverType.L2R_LR, options.c(), 0.001);
        param.setWeights(options.classWeights().clone(), new int[] {Labels.SUPPORTING, Labels.CONTRASTING, Labels.MENTIONING});
        param.setRandom(new Random(options.seed()));
        Model model = Linear.train(problem, param);
        return extract(model, featureCount);
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
