package org.citelens.classify;

import java.util.Locale;

/** Renders an {@link Evaluation} as the plain-text report that train and evaluate print and the model card quotes. */
public final class EvaluationFormat {
    private EvaluationFormat() {}

    public static String text(String title, Evaluation e) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                Locale.ROOT,
                "%s: n=%d  macro-F1 %.3f  accuracy %.3f  ECE %.3f  log loss %.3f%n",
                title,
                e.n(),
                e.macroF1(),
                e.accuracy(),
                e.ece(),
                e.logLoss()));
        s.append(String.format(
                Locale.ROOT, "  %-12s %9s %7s %7s %8s%n", "label", "precision", "recall", "F1", "support"));
        for (int c = 0; c < Labels.COUNT; c++) {
            s.append(String.format(
                    Locale.ROOT,
                    "  %-12s %9.3f %7.3f %7.3f %8d%n",
                    Labels.label(c).wireName(),
                    e.precision()[c],
                    e.recall()[c],
                    e.f1()[c],
                    e.support()[c]));
        }
        s.append("  confusion (rows gold, columns predicted):\n");
        s.append(String.format(Locale.ROOT, "  %-12s %11s %11s %11s%n", "", "supporting", "contrasting", "mentioning"));
        for (int g = 0; g < Labels.COUNT; g++) {
            s.append(String.format(
                    Locale.ROOT,
                    "  %-12s %11d %11d %11d%n",
                    Labels.label(g).wireName(),
                    e.confusion()[g][0],
                    e.confusion()[g][1],
                    e.confusion()[g][2]));
        }
        s.append("  reliability of the predicted label's confidence:\n");
        s.append(String.format(
                Locale.ROOT, "  %-11s %7s %15s %9s%n", "confidence", "count", "mean confidence", "accuracy"));
        for (Evaluation.ReliabilityBin b : e.reliability()) {
            s.append(String.format(
                    Locale.ROOT,
                    "  %.1f-%.1f     %7d %15.3f %9.3f%n",
                    b.from(),
                    b.to(),
                    b.count(),
                    b.meanConfidence(),
                    b.accuracy()));
        }
        return s.toString();
    }
}
