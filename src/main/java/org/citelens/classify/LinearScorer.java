package org.citelens.classify;

/** Decision values of a linear model on a binary sparse vector: one place so training and prediction agree. */
final class LinearScorer {
    private LinearScorer() {}

    /** The value of each present feature: 1, or 1/sqrt(n) when vectors are normalised to unit length. */
    static double value(int presentFeatures, boolean normalize) {
        return normalize ? 1 / Math.sqrt(Math.max(1, presentFeatures)) : 1;
    }

    static double[] score(float[] weights, double[] bias, int[] idx, int n, double value) {
        double[] d = bias.clone();
        for (int k = 0; k < n; k++) {
            int base = idx[k] * Labels.COUNT;
            for (int c = 0; c < Labels.COUNT; c++) d[c] += weights[base + c] * value;
        }
        return d;
    }
}
