package org.citelens.classify.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.citelens.classify.ClassifierInput;
import org.citelens.classify.Classifiers;
import org.citelens.classify.Evaluation;
import org.citelens.classify.Labels;
import org.citelens.classify.LayeredClassifier;
import org.citelens.classify.Prediction;
import org.citelens.classify.TransformerClassifier;
import org.citelens.classify.UnlabelledStatement;
import org.citelens.cli.ExportedStatements;
import org.citelens.model.Label;

/**
 * What an escalating labeller would give: a cheap transformer (a folder with model.onnx and settings.json) labels
 * every statement past the section rule and the fast screen, and only those it gives a probability of mentioning
 * under a threshold go on to the shipped transformer. For each threshold it prints the share of the bundled corpus's
 * statements that would be escalated (the cost) and the labels on the annotated dev split and the clinical dev
 * papers (and, for the record, the test split), so the threshold is chosen on dev. docs/classifier.md ("What was
 * tried", run 7) has the figures and the command.
 *
 * <p>Arguments: the cheap model's folder, and the corpus statements as {@code export --format jsonl} writes them.
 */
public final class EscalationMeasurement {
    private static final double[] THRESHOLDS = {0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95};
    private static final int BLOCK = 64;

    /** One statement's answers: the layered cheap labeller's, and the shipped transformer's where it reached it. */
    private record Row(String group, Label gold, boolean reaches, Prediction cheap, Prediction shipped) {
        double cheapMentioning() {
            return cheap.scores().getOrDefault(Label.MENTIONING, 1.0);
        }

        Prediction at(double threshold) {
            return reaches && cheapMentioning() < threshold ? shipped : cheap;
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: EscalationMeasurement CHEAP_MODEL_DIR CORPUS_EXPORT.jsonl");
            System.exit(2);
        }
        LayeredClassifier cheap = (LayeredClassifier) Classifiers.load(Path.of(args[0]), 1);
        List<String> groups = new ArrayList<>();
        List<Label> gold = new ArrayList<>();
        List<ClassifierInput> inputs = new ArrayList<>();
        for (HeldOutRow r : HeldOutRow.readAll()) {
            groups.add(r.group());
            gold.add(r.gold());
            inputs.add(r.input());
        }
        for (UnlabelledStatement u : ExportedStatements.read(Path.of(args[1]))) {
            groups.add("corpus");
            gold.add(null);
            inputs.add(u.input());
        }
        List<Row> rows = new ArrayList<>();
        try (TransformerClassifier shipped = Classifiers.shippedTransformer(1)) {
            for (int from = 0; from < inputs.size(); from += BLOCK) {
                List<ClassifierInput> block = inputs.subList(from, Math.min(inputs.size(), from + BLOCK));
                List<Prediction> cheapOut = cheap.classifyAll(block);
                List<ClassifierInput> reaching = block.stream().filter(cheap::reachesTransformer).toList();
                List<Prediction> shippedOut = shipped.classifyAll(reaching);
                for (int k = 0, s = 0; k < block.size(); k++) {
                    boolean reaches = cheap.reachesTransformer(block.get(k));
                    rows.add(new Row(groups.get(from + k), gold.get(from + k), reaches, cheapOut.get(k),
                            reaches ? shippedOut.get(s++) : null));
                }
            }
        }
        List<Row> corpus = rows.stream().filter(r -> r.group().equals("corpus") && r.reaches()).toList();
        System.out.printf("corpus statements past the section rule and the fast screen: %d%n", corpus.size());
        print("cheap model alone", rows, r -> r.cheap());
        for (double t : THRESHOLDS) {
            long escalated = corpus.stream().filter(r -> r.cheapMentioning() < t).count();
            System.out.printf("escalate under %.2f: %.3f of them escalated%n", t, escalated / (double) corpus.size());
            print("  ", rows, r -> r.at(t));
        }
        print("shipped model alone", rows, r -> r.reaches() ? r.shipped() : r.cheap());
    }

    private static void print(String title, List<Row> rows, Function<Row, Prediction> decide) {
        StringBuilder line = new StringBuilder(title);
        for (String group : new String[] {"citelens dev", "clinical dev", "citelens test"}) {
            List<Row> part = rows.stream().filter(r -> r.group().equals(group)).toList();
            int[] g = new int[part.size()];
            int[] p = new int[part.size()];
            double[][] probs = new double[part.size()][];
            for (int i = 0; i < part.size(); i++) {
                Prediction d = decide.apply(part.get(i));
                g[i] = Labels.index(part.get(i).gold());
                p[i] = Labels.index(d.label());
                probs[i] = new double[Labels.COUNT];
                for (int c = 0; c < Labels.COUNT; c++) probs[i][c] = d.scores().getOrDefault(Labels.label(c), 0.0);
            }
            Evaluation e = Evaluation.of(g, p, probs);
            int s = Labels.index(Label.SUPPORTING);
            int c = Labels.index(Label.CONTRASTING);
            line.append(String.format(" | %s: macro-F1 %.3f, supporting %.3f/%.3f, contrasting %.3f/%.3f (%d of %d)",
                    group, e.macroF1(), e.precision()[s], e.recall()[s], e.precision()[c], e.recall()[c],
                    e.confusion()[c][c], columnSum(e.confusion(), c)));
        }
        System.out.println(line);
    }

    private static int columnSum(int[][] confusion, int column) {
        int sum = 0;
        for (int[] row : confusion) sum += row[column];
        return sum;
    }
}
