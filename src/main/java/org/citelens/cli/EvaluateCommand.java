package org.citelens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.citelens.classify.CitationClassifier;
import org.citelens.classify.ClassifierInput;
import org.citelens.classify.ClassifierModel;
import org.citelens.classify.DecisionRule;
import org.citelens.classify.Evaluation;
import org.citelens.classify.EvaluationFormat;
import org.citelens.classify.LabelledData;
import org.citelens.classify.LabelledStatement;
import org.citelens.classify.Labels;
import org.citelens.classify.LayeredClassifier;
import org.citelens.classify.Prediction;
import org.citelens.classify.StratumWeights;

/**
 * {@code evaluate --data FILE(.tsv|.jsonl)[,...] [--model FILE|DIR] [--labeller transformer|fast] [--split
 * train|dev|test|all] [--json] [--errors N]}: scores a labeller (the shipped default unless told) on labelled rows,
 * per set. The fast model predicts rows of a set it was trained with per-set features for with that set's features.
 * For our own annotations it also prints precision re-weighted to the corpus's natural mix, and for the default
 * labeller what its fast screen hides from the transformer. {@code --errors N} lists N misclassified rows.
 */
public final class EvaluateCommand implements Command {
    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "evaluate a labeller on labelled data (--data FILE(.tsv|.jsonl) [--model FILE|DIR] [--labeller fast] [--split test] [--json])";
    }

    @Override
    public int run(Args args) throws Exception {
        args.allowOnly(Set.of("data", "model", "labeller", "json", "split", "errors"));
        String split = args.get("split", "all");
        if (!Set.of("all", "train", "dev", "test").contains(split))
            throw new UsageException("--split takes train, dev, test or all");
        String data = args.require("data");
        CitationClassifier classifier = Labellers.choose(args);
        List<LabelledStatement> rows = LabelledInput.read(data).stream()
                .filter(r -> split.equals("all") || r.split().equals(split))
                .toList();
        if (rows.isEmpty()) throw new UsageException("no labelled rows in " + data + " for split " + split);
        Predictions all = predict(classifier, rows);

        Map<String, Evaluation> bySet = new LinkedHashMap<>();
        Map<String, double[]> weighted = new LinkedHashMap<>();
        List<String> sets = LabelledData.datasets(rows);
        if (sets.size() > 1) bySet.put("all", all.evaluation(i -> true));
        for (String s : sets) {
            bySet.put(s, all.evaluation(i -> rows.get(i).dataset().equals(s)));
            for (String p : data.split(",")) {
                Path path = Path.of(p.strip());
                if (!path.getFileName().toString().startsWith(s + ".")) continue;
                StratumWeights w = StratumWeights.read(path);
                if (!w.isEmpty()) weighted.put(s, w.precision(rows, all.predicted()));
            }
        }
        DecisionRule rule = classifier.rule();
        if (args.has("json")) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", classifier.name());
            out.put("model_description", classifier.description());
            Map<String, Object> thresholds = new LinkedHashMap<>();
            thresholds.put("supporting", Math.round(rule.supportingThreshold() * 10000) / 10000.0);
            thresholds.put("contrasting", Math.round(rule.contrastingThreshold() * 10000) / 10000.0);
            out.put("thresholds", thresholds);
            out.put("split", split);
            Map<String, Object> sets2 = new LinkedHashMap<>();
            bySet.forEach((k, v) -> {
                Map<String, Object> m = new LinkedHashMap<>(v.toMap());
                if (weighted.containsKey(k)) {
                    double[] p = weighted.get(k);
                    m.put(
                            "corpus_weighted_precision",
                            Map.of(
                                    "supporting",
                                    round(p[Labels.SUPPORTING]),
                                    "contrasting",
                                    round(p[Labels.CONTRASTING])));
                }
                sets2.put(k, m);
            });
            out.put("sets", sets2);
            System.out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(out));
        } else {
            System.out.println("model: " + classifier.name() + ": " + classifier.description());
            System.out.printf(
                    "thresholds: supporting %.3f, contrasting %.3f; split: %s%n",
                    rule.supportingThreshold(), rule.contrastingThreshold(), split);
            bySet.forEach((k, v) -> {
                System.out.print(EvaluationFormat.text(k, v));
                if (weighted.containsKey(k)) {
                    double[] p = weighted.get(k);
                    System.out.printf(
                            Locale.ROOT,
                            "  precision re-weighted to the corpus's mix: supporting %.3f, contrasting %.3f%n",
                            p[Labels.SUPPORTING],
                            p[Labels.CONTRASTING]);
                }
                System.out.println();
            });
            if (classifier instanceof LayeredClassifier layered) System.out.print(screenCost(layered, rows));
            int errors = args.getInt("errors", 0);
            if (errors > 0) System.out.print(Misclassified.list(rows, all.predictions(), errors));
        }
        return 0;
    }

    /** Predictions with the probabilities the report needs: the fast model's own per set, else the labeller's. */
    static Predictions predict(CitationClassifier classifier, List<LabelledStatement> rows) {
        List<Prediction> predictions;
        if (classifier instanceof ClassifierModel model) {
            predictions = new ArrayList<>(rows.size());
            for (LabelledStatement r : rows) predictions.add(model.predict(r.input(), r.dataset()));
        } else {
            List<ClassifierInput> inputs =
                    rows.stream().map(LabelledStatement::input).toList();
            predictions = classifier.classifyAll(inputs);
        }
        return new Predictions(rows, predictions);
    }

    /** Gold rare labels that the section rule or the fast screen keep from the transformer. */
    static String screenCost(LayeredClassifier layered, List<LabelledStatement> rows) {
        int[] hidden = new int[Labels.COUNT];
        int[] total = new int[Labels.COUNT];
        int reached = 0;
        for (LabelledStatement r : rows) {
            int g = Labels.index(r.label());
            total[g]++;
            if (layered.reachesTransformer(r.input())) reached++;
            else hidden[g]++;
        }
        return String.format(
                Locale.ROOT,
                "screen: %d of %d statements reach the transformer; kept from it by the section rule "
                        + "or the fast screen: %d of %d gold supporting, %d of %d gold contrasting%n%n",
                reached,
                rows.size(),
                hidden[Labels.SUPPORTING],
                total[Labels.SUPPORTING],
                hidden[Labels.CONTRASTING],
                total[Labels.CONTRASTING]);
    }

    private static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 10000) / 10000.0;
    }

    /** Predictions of every row, and evaluations of subsets of them. */
    record Predictions(List<LabelledStatement> rows, List<Prediction> predictions) {
        int[] predicted() {
            int[] p = new int[rows.size()];
            for (int i = 0; i < p.length; i++)
                p[i] = Labels.index(predictions.get(i).label());
            return p;
        }

        Evaluation evaluation(java.util.function.IntPredicate include) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) if (include.test(i)) idx.add(i);
            int[] gold = new int[idx.size()];
            int[] predicted = new int[idx.size()];
            double[][] probs = new double[idx.size()][];
            for (int k = 0; k < idx.size(); k++) {
                Prediction p = predictions.get(idx.get(k));
                gold[k] = Labels.index(rows.get(idx.get(k)).label());
                predicted[k] = Labels.index(p.label());
                probs[k] = new double[Labels.COUNT];
                for (int c = 0; c < Labels.COUNT; c++) probs[k][c] = p.scores().getOrDefault(Labels.label(c), 0.0);
                // the reported confidence is what a reader sees; calibration is judged on it
                probs[k][predicted[k]] = p.confidence();
            }
            return Evaluation.of(gold, predicted, probs);
        }
    }
}
