package org.citelens.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Grouped cross-validation of the whole training procedure: for each outer fold a model is trained on the other
 * folds exactly as {@code train} does (its own inner folds for calibration and thresholds), then predicts the
 * held-out papers through the same path as production. The report therefore measures the shipped thresholds'
 * precision on papers that chose neither the weights nor the thresholds.
 */
public final class CrossValidation {
    /** Held-out predictions for every row, in row order. */
    public record Result(List<LabelledStatement> rows, int[] predicted, double[][] probs) {
        public Evaluation evaluate(String dataset) {
            int[] idx = IntStream.range(0, rows.size())
                    .filter(i -> dataset == null || rows.get(i).dataset().equals(dataset))
                    .toArray();
            int[] gold = new int[idx.length];
            int[] pred = new int[idx.length];
            double[][] p = new double[idx.length][];
            for (int k = 0; k < idx.length; k++) {
                gold[k] = Labels.index(rows.get(idx[k]).label());
                pred[k] = predicted[idx[k]];
                p[k] = probs[idx[k]];
            }
            return Evaluation.of(gold, pred, p);
        }

        /** Pooled first (key "all") when there are several sets, then each set. */
        public Map<String, Evaluation> bySet() {
            Map<String, Evaluation> out = new LinkedHashMap<>();
            List<String> sets = LabelledData.datasets(rows);
            if (sets.size() > 1) out.put("all", evaluate(null));
            for (String s : sets) out.put(s, evaluate(s));
            return out;
        }
    }

    private CrossValidation() {}

    public static Result run(
            List<LabelledStatement> rows, TrainingOptions options, int threads, Consumer<String> progress)
            throws Exception {
        FeatureTable table = new FeatureTable(rows, options.domainFeatures(), options.features());
        return run(table, options, threads, progress);
    }

    static Result run(FeatureTable table, TrainingOptions options, int threads, Consumer<String> progress)
            throws Exception {
        return run(table, options, threads, progress, (train, held) -> {
            ClassifierModel model = new Trainer(table, options, msg -> {}).fit(train, "cv fold " + held);
            return new FoldModel() {
                @Override
                public double[] probabilities(int row) {
                    LabelledStatement s = table.statement(row);
                    return model.probabilities(s.input(), s.dataset());
                }

                @Override
                public DecisionRule rule() {
                    return model.rule();
                }
            };
        });
    }

    /** What one outer fold's model must do: calibrated probabilities for a table row, and its decision rule. */
    interface FoldModel {
        double[] probabilities(int row);

        DecisionRule rule();
    }

    /** Fits one model on an outer fold's training rows (the second argument is the held-out fold's number). */
    interface FoldFitter {
        FoldModel fit(int[] trainRows, int heldFold);
    }

    /**
     * The outer grouped folds with any fitting procedure: the development runners use it to compare other learners
     * on exactly the folds of {@code train}.
     */
    static Result run(
            FeatureTable table, TrainingOptions options, int threads, Consumer<String> progress, FoldFitter fitter)
            throws Exception {
        int n = table.size();
        int[] all = IntStream.range(0, n).toArray();
        int[] fold = GroupedFolds.assign(table.papers(all), options.folds(), options.seed() + 1);
        int[] predicted = new int[n];
        double[][] probs = new double[n][];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        long start = System.nanoTime();
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int f = 0; f < options.folds(); f++) {
                int held = f;
                jobs.add(pool.submit(() -> {
                    int[] train =
                            IntStream.range(0, n).filter(i -> fold[i] != held).toArray();
                    FoldModel model = fitter.fit(train, held);
                    for (int i = 0; i < n; i++) {
                        if (fold[i] != held) continue;
                        double[] p = model.probabilities(i);
                        probs[i] = p;
                        predicted[i] = Labels.index(model.rule().decide(p));
                    }
                    int finished = done.incrementAndGet();
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    progress.accept(String.format(
                            java.util.Locale.ROOT,
                            "cross-validation: fold %d done, %d/%d folds, %.2f folds/min, ETA %.0f s",
                            held + 1,
                            finished,
                            options.folds(),
                            finished / elapsed * 60,
                            elapsed / finished * (options.folds() - finished)));
                    return null;
                }));
            }
            for (Future<?> j : jobs) j.get();
        } finally {
            pool.shutdown();
        }
        List<LabelledStatement> statements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) statements.add(table.statement(i));
        return new Result(statements, predicted, probs);
    }

    /** Trains the model to ship on every row, after the same feature extraction. */
    public static ClassifierModel trainFinal(
            List<LabelledStatement> rows, TrainingOptions options, String description, Consumer<String> progress) {
        FeatureTable table = new FeatureTable(rows, options.domainFeatures(), options.features());
        return new Trainer(table, options, progress)
                .fit(IntStream.range(0, rows.size()).toArray(), description);
    }
}
