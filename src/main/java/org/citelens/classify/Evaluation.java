package org.citelens.classify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores of predictions against gold labels: per-label precision, recall, F1 and support, macro-F1, accuracy,
 * the confusion matrix, and a reliability table of the confidence of the predicted label.
 *
 * @param confusion rows are gold labels, columns predictions, both in {@link Labels} order
 * @param reliability one row per confidence bin that holds predictions
 * @param ece expected calibration error of the predicted label's confidence
 * @param logLoss mean negative log probability of the gold label
 */
public record Evaluation(
        int n,
        int[][] confusion,
        double[] precision,
        double[] recall,
        double[] f1,
        int[] support,
        double macroF1,
        double accuracy,
        List<ReliabilityBin> reliability,
        double ece,
        double logLoss) {

    /** Predictions whose confidence lies in [from, to): how many, their mean confidence, how many were right. */
    public record ReliabilityBin(double from, double to, int count, double meanConfidence, double accuracy) {}

    private static final int BINS = 10;

    /** @param probs calibrated probabilities per row, @param predicted label index per row */
    public static Evaluation of(int[] gold, int[] predicted, double[][] probs) {
        int k = Labels.COUNT;
        int[][] cm = new int[k][k];
        double logLoss = 0;
        int[] binCount = new int[BINS];
        double[] binConf = new double[BINS];
        int[] binRight = new int[BINS];
        for (int i = 0; i < gold.length; i++) {
            cm[gold[i]][predicted[i]]++;
            logLoss -= Math.log(Math.max(1e-12, probs[i][gold[i]]));
            double conf = probs[i][predicted[i]];
            int b = Math.min(BINS - 1, (int) (conf * BINS));
            binCount[b]++;
            binConf[b] += conf;
            if (gold[i] == predicted[i]) binRight[b]++;
        }
        double[] p = new double[k];
        double[] r = new double[k];
        double[] f = new double[k];
        int[] support = new int[k];
        int right = 0;
        double macro = 0;
        for (int c = 0; c < k; c++) {
            int tp = cm[c][c];
            int predictedC = 0;
            for (int[] row : cm) predictedC += row[c];
            for (int x : cm[c]) support[c] += x;
            p[c] = predictedC == 0 ? 0 : tp / (double) predictedC;
            r[c] = support[c] == 0 ? 0 : tp / (double) support[c];
            f[c] = p[c] + r[c] == 0 ? 0 : 2 * p[c] * r[c] / (p[c] + r[c]);
            right += tp;
            macro += f[c] / k;
        }
        List<ReliabilityBin> bins = new java.util.ArrayList<>();
        double ece = 0;
        for (int b = 0; b < BINS; b++) {
            if (binCount[b] == 0) continue;
            double meanConf = binConf[b] / binCount[b];
            double acc = binRight[b] / (double) binCount[b];
            bins.add(new ReliabilityBin(b / (double) BINS, (b + 1) / (double) BINS, binCount[b], meanConf, acc));
            ece += binCount[b] / (double) gold.length * Math.abs(meanConf - acc);
        }
        int n = gold.length;
        return new Evaluation(
                n,
                cm,
                p,
                r,
                f,
                support,
                macro,
                n == 0 ? 0 : right / (double) n,
                List.copyOf(bins),
                ece,
                n == 0 ? 0 : logLoss / n);
    }

    /** A plain-data view for JSON output. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("macro_f1", round(macroF1));
        m.put("accuracy", round(accuracy));
        Map<String, Object> per = new LinkedHashMap<>();
        for (int c = 0; c < Labels.COUNT; c++) {
            per.put(
                    Labels.label(c).wireName(),
                    Map.of(
                            "precision",
                            round(precision[c]),
                            "recall",
                            round(recall[c]),
                            "f1",
                            round(f1[c]),
                            "support",
                            support[c]));
        }
        m.put("labels", per);
        Map<String, Object> cm = new LinkedHashMap<>();
        for (int g = 0; g < Labels.COUNT; g++) {
            Map<String, Integer> row = new LinkedHashMap<>();
            for (int q = 0; q < Labels.COUNT; q++) row.put(Labels.label(q).wireName(), confusion[g][q]);
            cm.put(Labels.label(g).wireName(), row);
        }
        m.put("confusion", cm);
        m.put(
                "reliability",
                reliability.stream()
                        .map(b -> Map.of(
                                "from",
                                round(b.from()),
                                "to",
                                round(b.to()),
                                "count",
                                b.count(),
                                "mean_confidence",
                                round(b.meanConfidence()),
                                "accuracy",
                                round(b.accuracy())))
                        .toList());
        m.put("ece", round(ece));
        m.put("log_loss", round(logLoss));
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
