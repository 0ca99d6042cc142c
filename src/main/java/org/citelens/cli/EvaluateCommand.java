package org.citelens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citelens.classify.ClassifierModel;
import org.citelens.classify.Classifiers;
import org.citelens.classify.Evaluation;
import org.citelens.classify.EvaluationFormat;
import org.citelens.classify.LabelledData;
import org.citelens.classify.LabelledStatement;
import org.citelens.classify.Labels;
import org.citelens.classify.ModelFile;

/**
 * {@code evaluate --data FILE(.tsv|.jsonl) [--model FILE] [--split train|dev|all] [--json]}: scores a model (the
 * shipped one by default) on labelled rows. Rows of a set the model was trained with per-set features for are
 * predicted with that set's features; others as statements of unknown origin. {@code --errors N} lists N
 * misclassified rows, rare-label mistakes first.
 */
public final class EvaluateCommand implements Command {
    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "evaluate the classifier on labelled data (--data FILE(.tsv|.jsonl) [--model FILE] [--split dev] [--json])";
    }

    @Override
    public int run(Args args) throws Exception {
        args.allowOnly(Set.of("data", "model", "json", "split", "errors"));
        String split = args.get("split", "all");
        if (!Set.of("all", "train", "dev").contains(split)) throw new UsageException("--split takes train, dev or all");
        ClassifierModel model = args.has("model") ? ModelFile.read(args.requirePath("model")) : Classifiers.shippedModel();
        List<LabelledStatement> rows = LabelledInput.read(args.require("data")).stream()
                .filter(r -> split.equals("all") || r.split().equals(split)).toList();
        if (rows.isEmpty()) throw new UsageException("no labelled rows in " + args.get("data") + " for split " + split);

        Map<String, Evaluation> bySet = new LinkedHashMap<>();
        List<String> sets = LabelledData.datasets(rows);
        if (sets.size() > 1) bySet.put("all", evaluate(model, rows));
        for (String s : sets) bySet.put(s, evaluate(model, rows.stream().filter(r -> r.dataset().equals(s)).toList()));

        if (args.has("json")) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", args.has("model") ? Path.of(args.get("model")).getFileName().toString() : "shipped");
            out.put("model_description", model.description());
            Map<String, Object> thresholds = new LinkedHashMap<>();
            thresholds.put("supporting", Math.round(model.rule().supportingThreshold() * 10000) / 10000.0);
            thresholds.put("contrasting", Math.round(model.rule().contrastingThreshold() * 10000) / 10000.0);
            out.put("thresholds", thresholds);
            out.put("split", split);
            Map<String, Object> sets2 = new LinkedHashMap<>();
            bySet.forEach((k, v) -> sets2.put(k, v.toMap()));
            out.put("sets", sets2);
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
        } else {
            System.out.println("model: " + model.description());
            System.out.printf("thresholds: supporting %.3f, contrasting %.3f; split: %s%n",
                    model.rule().supportingThreshold(), model.rule().contrastingThreshold(), split);
            bySet.forEach((k, v) -> System.out.println(EvaluationFormat.text(k, v)));
            int errors = args.getInt("errors", 0);
            if (errors > 0) System.out.print(Misclassified.list(model, rows, errors));
        }
        return 0;
    }

    static Evaluation evaluate(ClassifierModel model, List<LabelledStatement> rows) {
        int[] gold = new int[rows.size()];
        int[] predicted = new int[rows.size()];
        double[][] probs = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            LabelledStatement r = rows.get(i);
            probs[i] = model.probabilities(r.input(), r.dataset());
            predicted[i] = Labels.index(model.rule().decide(probs[i]));
            gold[i] = Labels.index(r.label());
        }
        return Evaluation.of(gold, predicted, probs);
    }
}
