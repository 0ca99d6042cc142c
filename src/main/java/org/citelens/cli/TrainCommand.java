package org.citelens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citelens.classify.ClassifierModel;
import org.citelens.classify.CrossValidation;
import org.citelens.classify.Evaluation;
import org.citelens.classify.EvaluationFormat;
import org.citelens.classify.FeatureOptions;
import org.citelens.classify.LabelledStatement;
import org.citelens.classify.ModelFile;
import org.citelens.classify.TrainingOptions;

/**
 * {@code train --data FILE.tsv[,FILE.tsv...] --model FILE}: grouped cross-validation report on stdout, then the
 * model trained on all rows. {@code --train-split-only} leaves out the dev rows (to measure on them with
 * {@code evaluate --split dev}); {@code --no-cv} skips the report.
 */
public final class TrainCommand implements Command {
    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train the citation classifier (--data FILE.tsv[,FILE.tsv...] --model FILE)";
    }

    @Override
    public int run(Args args) throws Exception {
        args.allowOnly(Set.of(
                "data",
                "model",
                "c",
                "folds",
                "threads",
                "precision",
                "no-cv",
                "train-split-only",
                "no-domain-features",
                "nb-alpha",
                "trigrams",
                "char-grams",
                "char-window"));
        String data = args.require("data");
        Path modelPath = args.requirePath("model");
        TrainingOptions options = TrainingOptions.defaults();
        if (args.has("c")) options = options.withC(parseDouble(args, "c"));
        if (args.has("precision")) options = options.withPrecisionTarget(parseDouble(args, "precision"));
        if (args.has("folds")) options = options.withFolds(args.getInt("folds", 5));
        if (args.has("nb-alpha")) options = options.withNbAlpha(parseDouble(args, "nb-alpha"));
        if (args.has("no-domain-features")) options = options.withDomainFeatures(false);
        options = options.withFeatures(featureOptions(args));
        int threads = args.getInt("threads", Math.min(2, Runtime.getRuntime().availableProcessors()));

        // Rows of a test split (our annotations have one) are never trained on, whatever the flags.
        List<LabelledStatement> rows = LabelledInput.read(data).stream()
                .filter(r -> !r.split().equals("test"))
                .toList();
        if (args.has("train-split-only"))
            rows = rows.stream().filter(r -> !r.isDev()).toList();
        if (rows.isEmpty()) throw new UsageException("no labelled rows in " + data);
        System.err.printf("train: %d rows from %s; %s%n", rows.size(), data, options);
        long start = System.nanoTime();
        if (!args.has("no-cv")) {
            CrossValidation.Result cv = CrossValidation.run(
                    rows, options, threads, msg -> System.err.printf("train: %s (%.0f s)%n", msg, seconds(start)));
            System.out.println("Grouped " + options.folds() + "-fold cross-validation by citing paper "
                    + "(thresholds and calibration chosen inside each training fold):");
            for (Map.Entry<String, Evaluation> e : cv.bySet().entrySet()) {
                System.out.println(EvaluationFormat.text(e.getKey(), e.getValue()));
            }
        }
        String description =
                "trained on " + describe(data) + (args.has("train-split-only") ? " (train split only)" : "") + ", "
                        + rows.size() + " rows; " + options;
        ClassifierModel model = CrossValidation.trainFinal(
                rows, options, description, msg -> System.err.printf("train: %s (%.0f s)%n", msg, seconds(start)));
        ModelFile.write(model, modelPath);
        System.err.printf(
                "train: wrote %s (%d features, %.1f MB, thresholds supporting %.3f contrasting %.3f) in %.0f s%n",
                modelPath,
                model.featureCount(),
                Files.size(modelPath) / 1e6,
                model.rule().supportingThreshold(),
                model.rule().contrastingThreshold(),
                seconds(start));
        return 0;
    }

    /** The feature switches, saved in the model file so that every later load scores with the same features. */
    private static FeatureOptions featureOptions(Args args) {
        FeatureOptions d = FeatureOptions.DEFAULTS;
        try {
            return new FeatureOptions(
                    args.has("trigrams") || d.trigrams(),
                    args.getInt("char-grams", d.charGrams()),
                    args.getInt("char-window", d.charWindow()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String describe(String data) {
        StringBuilder s = new StringBuilder();
        for (String p : data.split(",")) {
            if (!s.isEmpty()) s.append(", ");
            s.append(Path.of(p.strip()).getFileName());
        }
        return s.toString();
    }

    private static double parseDouble(Args args, String flag) {
        try {
            return Double.parseDouble(args.require(flag));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + flag + " takes a number, not '" + args.get(flag) + "'");
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
