package org.citelens.classify;

/**
 * Turns the linear model's three decision values into calibrated probabilities: a softmax over an affine map of the
 * decision values ("matrix scaling", a multi-class Platt scaling), fitted on out-of-fold predictions so that the
 * probabilities it gives on unseen statements match observed frequencies.
 *
 * @param a row c holds the coefficients of class c on the three decision values
 * @param b the intercept of each class
 */
public record Calibrator(double[][] a, double[] b) {
    private static final int ITERATIONS = 3000;
    private static final double L2 = 1e-3;

    public static Calibrator identity(int classes) {
        double[][] a = new double[classes][classes];
        for (int i = 0; i < classes; i++) a[i][i] = 1;
        return new Calibrator(a, new double[classes]);
    }

    public double[] probabilities(double[] decision) {
        int k = b.length;
        double[] z = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double s = b[c];
            for (int j = 0; j < k; j++) s += a[c][j] * decision[j];
            z[c] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < k; c++) z[c] /= sum;
        return z;
    }

    /**
     * Minimises the log loss with full-batch gradient descent and Nesterov momentum: deterministic, and small
     * enough (12 parameters) that a fixed number of steps converges.
     */
    public static Calibrator fit(double[][] decisions, int[] labels, int classes) {
        Calibrator cal = identity(classes);
        int n = decisions.length;
        if (n == 0) return cal;
        int dim = classes * (classes + 1);
        double[] theta = flatten(cal);
        double[] velocity = new double[dim];
        double rate = 0.5;
        for (int it = 0; it < ITERATIONS; it++) {
            double[] look = new double[dim];
            for (int i = 0; i < dim; i++) look[i] = theta[i] + 0.9 * velocity[i];
            double[] grad = gradient(unflatten(look, classes), decisions, labels);
            for (int i = 0; i < dim; i++) {
                velocity[i] = 0.9 * velocity[i] - rate * grad[i];
                theta[i] += velocity[i];
            }
        }
        return unflatten(theta, classes);
    }

    private static double[] gradient(Calibrator cal, double[][] x, int[] y) {
        int k = cal.b.length;
        double[] g = new double[k * (k + 1)];
        for (int i = 0; i < x.length; i++) {
            double[] p = cal.probabilities(x[i]);
            for (int c = 0; c < k; c++) {
                double err = p[c] - (y[i] == c ? 1 : 0);
                for (int j = 0; j < k; j++) g[c * (k + 1) + j] += err * x[i][j];
                g[c * (k + 1) + k] += err;
            }
        }
        double[] theta = flatten(cal);
        for (int i = 0; i < g.length; i++) g[i] = g[i] / x.length + L2 * theta[i];
        return g;
    }

    private static double[] flatten(Calibrator cal) {
        int k = cal.b.length;
        double[] t = new double[k * (k + 1)];
        for (int c = 0; c < k; c++) {
            System.arraycopy(cal.a[c], 0, t, c * (k + 1), k);
            t[c * (k + 1) + k] = cal.b[c];
        }
        return t;
    }

    private static Calibrator unflatten(double[] t, int k) {
        double[][] a = new double[k][k];
        double[] b = new double[k];
        for (int c = 0; c < k; c++) {
            System.arraycopy(t, c * (k + 1), a[c], 0, k);
            b[c] = t[c * (k + 1) + k];
        }
        return new Calibrator(a, b);
    }
}
