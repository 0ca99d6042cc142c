package org.citelens.classify.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.citelens.classify.ClassifierInput;
import org.citelens.classify.ClassifierModel;
import org.citelens.classify.Classifiers;
import org.citelens.classify.Cue;
import org.citelens.classify.Evaluation;
import org.citelens.classify.Labels;
import org.citelens.classify.LayeredClassifier;
import org.citelens.classify.ModelFile;
import org.citelens.classify.Prediction;
import org.citelens.classify.TransformerClassifier;
import org.citelens.classify.UnlabelledStatement;
import org.citelens.cli.ExportedStatements;
import org.citelens.model.Label;

/**
 * What a different fast screen in front of the shipped transformer would cost and save. The transformer labels every
 * held-out annotated row outside Methods and Introduction once, unscreened. Then, for each screen (the shipped fast
 * model with a ceiling on its cue exception, the shipped fast model and the linear models named on the command line at
 * each threshold on their probability of mentioning, with and without the contrast-cue exception), it prints how many
 * of the corpus's statements would reach the transformer (the cost), how many of the index's supporting and
 * contrasting labels it would hide from it (the corpus's loss, approximate: those labels came through the shipped
 * screen), and on our dev and test splits and the clinical dev papers the transformer's rare decisions and the gold
 * rare labels it would hide and the labels that result. A screen is chosen on dev; docs/classifier.md ("A screen the
 * rare labels survive?") has the figures and the command.
 *
 * <p>Arguments: the corpus statements as {@code export --format jsonl} writes them (with their labels), then any
 * number of linear model files written by {@code train}.
 */
public final class ScreenMeasurement {
    private static final double[] THRESHOLDS = {0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95};
    private static final String[] GROUPS = {"citelens dev", "clinical dev", "citelens test"};
    private static final int BLOCK = 64;
    private static final double[] CEILINGS = {0.9, 0.95, 0.97, 0.98, 0.99, 0.995};

    private record Held(HeldOutRow row, Prediction unscreened) {}

    private record Corpus(ClassifierInput input, Label indexed) {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ScreenMeasurement CORPUS_EXPORT.jsonl [LINEAR_MODEL...]");
            System.exit(2);
        }
        List<Corpus> corpus = corpus(Path.of(args[0]));
        Map<String, ClassifierModel> screens = new LinkedHashMap<>();
        screens.put("shipped " + Classifiers.shippedModel().name(), Classifiers.shippedModel());
        for (int i = 1; i < args.length; i++) screens.put(args[i], ModelFile.read(Path.of(args[i])));

        try (TransformerClassifier transformer = Classifiers.shippedTransformer(2)) {
            List<Held> held = held(transformer);
            long background = corpus.stream().filter(c -> background(c.input())).count();
            System.out.printf("corpus: %d statements, %d outside Methods and Introduction; held-out rows outside them:"
                    + " %s%n", corpus.size(), corpus.size() - background, countByGroup(held));
            print("no screen", held, corpus, in -> true);
            // The shipped screen's threshold with a ceiling on the cue exception: a cue sends a statement past the
            // screen only while the fast model's probability of mentioning stays under the ceiling. Composed of the
            // run time's own screens: under 0.80; or under the ceiling and (a threshold of 0 passes nothing) a cue.
            ClassifierModel fast = Classifiers.shippedModel();
            LayeredClassifier shipped = screen(fast, transformer, 0.8, false);
            LayeredClassifier cue = screen(fast, transformer, 0.0, true);
            for (double ceiling : CEILINGS) {
                LayeredClassifier underCeiling = screen(fast, transformer, ceiling, false);
                print(String.format("shipped screen at 0.80, cues under %.3f", ceiling), held, corpus,
                        in -> shipped.reachesTransformer(in)
                                || (underCeiling.reachesTransformer(in) && cue.reachesTransformer(in)));
            }
            for (Map.Entry<String, ClassifierModel> screen : screens.entrySet()) {
                System.out.println("screen " + screen.getKey());
                for (boolean cues : new boolean[] {true, false}) {
                    for (double t : THRESHOLDS) {
                        print(String.format("  at %.2f%s", t, cues ? " + cues" : ""), held, corpus,
                                screen(screen.getValue(), transformer, t, cues)::reachesTransformer);
                    }
                }
            }
        }
    }

    /** The run time's screen with this fast model and threshold, with or without the contrast-cue exception. */
    private static LayeredClassifier screen(
            ClassifierModel fast, TransformerClassifier transformer, double threshold, boolean contrastCues) {
        return new LayeredClassifier(fast, transformer, threshold, contrastCues ? List.of(Cue.CONTRAST) : List.of());
    }

    private static List<Corpus> corpus(Path export) throws IOException {
        Map<String, Label> indexed = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode n = json.readTree(line);
                indexed.put(n.path("id").asText(), Label.fromWireName(n.path("label").asText()));
            }
        }
        List<Corpus> out = new ArrayList<>();
        for (UnlabelledStatement u : ExportedStatements.read(export)) out.add(new Corpus(u.input(), indexed.get(u.id())));
        return out;
    }

    /** Our dev and test rows and the clinical dev papers outside Methods and Introduction, labelled unscreened. */
    private static List<Held> held(TransformerClassifier transformer) throws IOException {
        List<HeldOutRow> rows = HeldOutRow.readAll().stream().filter(r -> !background(r.input())).toList();
        List<Held> out = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += BLOCK) {
            List<HeldOutRow> block = rows.subList(from, Math.min(rows.size(), from + BLOCK));
            List<Prediction> labelled = transformer.classifyAll(block.stream().map(HeldOutRow::input).toList());
            for (int k = 0; k < block.size(); k++) out.add(new Held(block.get(k), labelled.get(k)));
        }
        return out;
    }

    private static void print(
            String title, List<Held> held, List<Corpus> corpus, Predicate<ClassifierInput> reaches) {
        int passing = 0;
        int hiddenSupporting = 0;
        int hiddenContrasting = 0;
        for (Corpus c : corpus) {
            if (background(c.input())) continue;
            if (reaches.test(c.input())) {
                passing++;
            } else if (c.indexed() == Label.SUPPORTING) {
                hiddenSupporting++;
            } else if (c.indexed() == Label.CONTRASTING) {
                hiddenContrasting++;
            }
        }
        StringBuilder line = new StringBuilder(String.format(
                "%s: corpus %d reach the transformer, index labels hidden %d supporting %d contrasting",
                title, passing, hiddenSupporting, hiddenContrasting));
        for (String group : GROUPS) {
            List<Held> part = held.stream().filter(h -> h.row().group().equals(group)).toList();
            int[] g = new int[part.size()];
            int[] p = new int[part.size()];
            double[][] probs = new double[part.size()][];
            int lostDecisions = 0;
            int hiddenGold = 0;
            for (int i = 0; i < part.size(); i++) {
                Held h = part.get(i);
                boolean through = reaches.test(h.row().input());
                Label decided = through ? h.unscreened().label() : Label.MENTIONING;
                if (!through && h.unscreened().label() != Label.MENTIONING) lostDecisions++;
                if (!through && h.row().gold() != Label.MENTIONING) hiddenGold++;
                g[i] = Labels.index(h.row().gold());
                p[i] = Labels.index(decided);
                probs[i] = new double[Labels.COUNT];
                probs[i][p[i]] = 1.0;
            }
            Evaluation e = Evaluation.of(g, p, probs);
            int s = Labels.index(Label.SUPPORTING);
            int c = Labels.index(Label.CONTRASTING);
            line.append(String.format(
                    " | %s: lost %d decisions, hid %d gold; F1 %.3f, sup %.3f/%.3f, con %.3f/%.3f (%d of %d)",
                    group, lostDecisions, hiddenGold, e.macroF1(), e.precision()[s], e.recall()[s],
                    e.precision()[c], e.recall()[c], e.confusion()[c][c], columnSum(e.confusion(), c)));
        }
        System.out.println(line);
    }

    private static Map<String, Long> countByGroup(List<Held> held) {
        Map<String, Long> n = new TreeMap<>();
        for (Held h : held) n.merge(h.row().group(), 1L, Long::sum);
        return n;
    }

    private static boolean background(ClassifierInput in) {
        return LayeredClassifier.isBackground(in.section());
    }

    private static int columnSum(int[][] confusion, int column) {
        int sum = 0;
        for (int[] row : confusion) sum += row[column];
        return sum;
    }
}
