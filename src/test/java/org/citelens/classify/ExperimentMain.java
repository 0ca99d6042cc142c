package org.citelens.classify;

import java.util.List;
import java.util.Locale;

/**
 * Development runner for "What was tried" in docs/classifier.md: the grouped, nested cross-validation of
 * {@code train} on one data list with the options named on the command line (C, precision target, class weights)
 * and system properties ({@code -Dseed=N} for another draw of the folds, {@code -DnbAlpha=A}, 0 for plain logistic
 * regression, and the feature switches {@code -Dcitelens.chargrams=N}, {@code -Dcitelens.trigrams=true}), printing
 * macro-F1 at the threshold and at argmax. Usage: ExperimentMain DATA C [PRECISION_TARGET] [WS,WC,WM]
 */
public final class ExperimentMain {
    private ExperimentMain() {}

    public static void main(String[] args) throws Exception {
        List<LabelledStatement> rows = LabelledData.readAll(args[0]);
        TrainingOptions o = TrainingOptions.defaults().withC(Double.parseDouble(args[1]));
        if (args.length > 2) o = o.withPrecisionTarget(Double.parseDouble(args[2]));
        if (args.length > 3) {
            String[] w = args[3].split(",");
            o = o.withClassWeights(
                    new double[] {Double.parseDouble(w[0]), Double.parseDouble(w[1]), Double.parseDouble(w[2])});
        }
        Long seed = Long.getLong("seed");
        if (seed != null) {
            o = o.withSeed(seed);
        }
        o = o.withNbAlpha(Double.parseDouble(System.getProperty("nbAlpha", String.valueOf(o.nbAlpha()))));
        FeatureOptions d = FeatureOptions.DEFAULTS;
        o = o.withFeatures(new FeatureOptions(
                Boolean.parseBoolean(System.getProperty("citelens.trigrams", String.valueOf(d.trigrams()))),
                Integer.getInteger("citelens.chargrams", d.charGrams()),
                Integer.getInteger("citelens.charwindow", d.charWindow())));
        long t0 = System.nanoTime();
        CrossValidation.Result r = CrossValidation.run(rows, o, 2, m -> {});
        System.out.println(report(
                r,
                System.getProperty("exp", "") + " seed=" + System.getProperty("seed", "default") + " C=" + args[1],
                (System.nanoTime() - t0) / 1e9));
    }

    /** One line: clinical macro-F1, supporting and contrasting P / R at the thresholds, macro-F1 at argmax, ECE. */
    static String report(CrossValidation.Result r, String tag, double seconds) {
        Evaluation e = r.evaluate("clinical");
        int[] gold = new int[r.rows().size()];
        int[] arg = new int[gold.length];
        int n = 0;
        for (int i = 0; i < gold.length; i++) {
            if (!r.rows().get(i).dataset().equals("clinical")) continue;
            gold[n] = Labels.index(r.rows().get(i).label());
            double[] p = r.probs()[i];
            int best = 0;
            for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
            arg[n++] = best;
        }
        double[][] probs = new double[n][];
        int k = 0;
        for (int i = 0; i < gold.length; i++)
            if (r.rows().get(i).dataset().equals("clinical")) probs[k++] = r.probs()[i];
        Evaluation a = Evaluation.of(java.util.Arrays.copyOf(gold, n), java.util.Arrays.copyOf(arg, n), probs);
        return String.format(
                Locale.ROOT,
                "RESULT %s | thr macroF1 %.3f S %.3f/%.3f C %.3f/%.3f | argmax %.3f | ECE %.3f | %.0fs",
                tag,
                e.macroF1(),
                e.precision()[Labels.SUPPORTING],
                e.recall()[Labels.SUPPORTING],
                e.precision()[Labels.CONTRASTING],
                e.recall()[Labels.CONTRASTING],
                a.macroF1(),
                e.ece(),
                seconds);
    }
}
