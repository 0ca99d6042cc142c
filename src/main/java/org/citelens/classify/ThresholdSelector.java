package org.citelens.classify;

/**
 * Chooses the thresholds of the {@link DecisionRule} on out-of-fold calibrated probabilities: for each rare label
 * the threshold with the best F1 among those whose precision reaches the target; when none does, the one with the
 * highest precision (and the report will show the miss). Two rounds of coordinate ascent, because each label's
 * precision depends a little on the other's threshold.
 */
final class ThresholdSelector {
    private static final int MIN_PREDICTED = 5;

    private ThresholdSelector() {}

    static DecisionRule choose(double[][] probs, int[] labels, double precisionTarget) {
        double tS = 0.5;
        double tC = 0.5;
        for (int round = 0; round < 2; round++) {
            tS = best(probs, labels, Labels.SUPPORTING, tS, tC, precisionTarget);
            tC = best(probs, labels, Labels.CONTRASTING, tS, tC, precisionTarget);
        }
        return new DecisionRule(tS, tC);
    }

    private static double best(
            double[][] probs, int[] labels, int target, double tS, double tC, double precisionTarget) {
        double bestT = 1.0;
        double bestF1 = -1;
        double fallbackT = 1.0;
        double fallbackP = -1;
        for (int step = 0; step <= 190; step++) {
            double t = 0.05 + step * 0.005;
            DecisionRule rule = target == Labels.SUPPORTING ? new DecisionRule(t, tC) : new DecisionRule(tS, t);
            int tp = 0;
            int predicted = 0;
            int actual = 0;
            for (int i = 0; i < probs.length; i++) {
                boolean isPred = Labels.index(rule.decide(probs[i])) == target;
                if (isPred) predicted++;
                if (labels[i] == target) actual++;
                if (isPred && labels[i] == target) tp++;
            }
            if (predicted < MIN_PREDICTED || actual == 0) continue;
            double p = tp / (double) predicted;
            double r = tp / (double) actual;
            double f1 = tp == 0 ? 0 : 2 * p * r / (p + r);
            if (p >= precisionTarget && f1 > bestF1) {
                bestF1 = f1;
                bestT = t;
            }
            if (p > fallbackP) {
                fallbackP = p;
                fallbackT = t;
            }
        }
        return bestF1 >= 0 ? bestT : fallbackT;
    }
}
