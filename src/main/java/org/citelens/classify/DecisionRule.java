package org.citelens.classify;

import org.citelens.model.Label;

/**
 * Says mentioning unless a rare label's calibrated probability clears its threshold; when both clear theirs, the
 * more probable wins. Thresholds are chosen on out-of-fold predictions for a target precision, because a user
 * reads "contrasting" as a serious signal and a wrong one costs more than a missed one.
 */
public record DecisionRule(double supportingThreshold, double contrastingThreshold) {
    public static final DecisionRule ARGMAX = new DecisionRule(0, 0);

    public Label decide(double[] p) {
        double s = p[Labels.SUPPORTING];
        double c = p[Labels.CONTRASTING];
        boolean sOk = supportingThreshold > 0 ? s >= supportingThreshold : s >= Math.max(c, p[Labels.MENTIONING]);
        boolean cOk = contrastingThreshold > 0 ? c >= contrastingThreshold : c >= Math.max(s, p[Labels.MENTIONING]);
        if (sOk && cOk) return s >= c ? Label.SUPPORTING : Label.CONTRASTING;
        if (sOk) return Label.SUPPORTING;
        if (cOk) return Label.CONTRASTING;
        return Label.MENTIONING;
    }

    public double threshold(int labelIndex) {
        return labelIndex == Labels.SUPPORTING ? supportingThreshold : contrastingThreshold;
    }
}
