package org.citelens.classify;

/**
 * A linear probe on a middle layer of the transformer that lets statements it finds plainly mentioning leave before
 * the upper layers (docs/classifier.md, "What was tried", early exit). Fitted by {@code early_exit.py probe --write}
 * on the training rows, with the encoder frozen; the threshold is the lowest that loses none of the full model's
 * supporting and contrasting decisions on the dev rows.
 *
 * @param layer the layers run before the probe reads the states
 * @param threshold the probe's probability of mentioning at or above which a statement exits
 * @param mean per-dimension mean of the pooled states on the training rows (standardisation)
 * @param scale per-dimension standard deviation of the same
 * @param weights the probe's weights, one row of {@link Labels#COUNT} per dimension
 * @param bias the probe's bias, one per label
 */
public record EarlyExit(int layer, double threshold, double[] mean, double[] scale, double[][] weights, double[] bias) {
    public EarlyExit {
        if (layer < 1) throw new IllegalArgumentException("earlyExit.layer must be at least 1, got " + layer);
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("earlyExit.threshold must be in (0, 1], got " + threshold);
        }
        if (mean == null || scale == null || weights == null || bias == null
                || mean.length != scale.length || weights.length != mean.length || bias.length != Labels.COUNT) {
            throw new IllegalArgumentException("earlyExit needs mean, scale and weights of one width and "
                    + Labels.COUNT + " biases");
        }
        for (double[] row : weights) {
            if (row.length != Labels.COUNT) throw new IllegalArgumentException("earlyExit.weights rows need " + Labels.COUNT + " values");
        }
    }

    /** The states' width the probe reads. */
    public int width() {
        return mean.length;
    }

    /**
     * The mean over a statement's tokens of its states ({@code length x width}, row by row): what the probe reads, at
     * run time and when its training features are written, so the two cannot differ.
     */
    public static float[] meanPool(float[] states, int width) {
        int length = states.length / width;
        float[] pooled = new float[width];
        for (int t = 0; t < length; t++) {
            for (int d = 0; d < width; d++) pooled[d] += states[t * width + d];
        }
        for (int d = 0; d < width; d++) pooled[d] /= length;
        return pooled;
    }

    /** The probe's logits for one statement's mean-pooled states. */
    public double[] logits(float[] pooled) {
        double[] z = bias.clone();
        for (int d = 0; d < mean.length; d++) {
            double x = (pooled[d] - mean[d]) / scale[d];
            for (int c = 0; c < z.length; c++) z[c] += x * weights[d][c];
        }
        return z;
    }
}
