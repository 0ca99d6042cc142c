package org.citelens.classify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citelens.model.Label;
import org.citelens.model.SectionType;

/**
 * The default labeller: three layers, cheapest first. (1) Statements in Methods and Introduction sections are
 * mentioning: none of the 570 such statements read for corpus/annotations was supporting or contrasting. (2) The
 * fast linear model screens out statements it is confident are mentioning, except those whose sentence or next
 * sentence has one of the configured cues (the linear model misses many contrasting statements that the
 * transformer finds). (3) The transformer labels the rest, in batches. The screen exists for speed; what it costs
 * (rare labels it hides from the transformer) is measured on the annotated test split in docs/classifier.md.
 */
public final class LayeredClassifier implements CitationClassifier {
    private final ClassifierModel fast;
    private final TransformerClassifier transformer;
    private final double screenThreshold;
    private final Set<Cue> screenCues;

    /**
     * @param screenThreshold the fast model's probability of mentioning at or above which a statement never reaches
     *                        the transformer; above 1 screens nothing
     * @param screenCues cue kinds that send a statement to the transformer whatever the screen says
     */
    public LayeredClassifier(
            ClassifierModel fast,
            TransformerClassifier transformer,
            double screenThreshold,
            Collection<Cue> screenCues) {
        this.fast = fast;
        this.transformer = transformer;
        this.screenThreshold = screenThreshold;
        this.screenCues = screenCues.isEmpty() ? EnumSet.noneOf(Cue.class) : EnumSet.copyOf(screenCues);
    }

    @Override
    public String name() {
        return transformer.name();
    }

    @Override
    public String description() {
        return transformer.description() + "; behind the Methods/Introduction section rule and the fast screen ("
                + fast.name() + ", mentioning at " + screenThreshold + " or more, unless a cue of " + screenCues + ")";
    }

    @Override
    public DecisionRule rule() {
        return transformer.rule();
    }

    public TransformerClassifier transformer() {
        return transformer;
    }

    @Override
    public Prediction classify(ClassifierInput input) {
        return classifyAll(List.of(input)).get(0);
    }

    @Override
    public List<Prediction> classifyAll(List<ClassifierInput> inputs) {
        Prediction[] out = new Prediction[inputs.size()];
        List<ClassifierInput> hard = new ArrayList<>();
        List<Integer> hardAt = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            ClassifierInput in = inputs.get(i);
            double[] p = fast.probabilities(in, fast.defaultDomain());
            if (isBackground(in.section())) {
                // the rule's hand-checked precision is the confidence; the scores stay the fast model's
                out[i] = new Prediction(Label.MENTIONING, ClassifierModel.SECTION_RULE_PRECISION, scores(p));
                continue;
            }
            if (p[Labels.MENTIONING] >= screenThreshold && !hasCue(in)) {
                out[i] = new Prediction(Label.MENTIONING, p[Labels.MENTIONING], scores(p));
            } else {
                hard.add(in);
                hardAt.add(i);
            }
        }
        if (!hard.isEmpty()) {
            List<Prediction> labelled = transformer.classifyAll(hard);
            for (int k = 0; k < hard.size(); k++) out[hardAt.get(k)] = labelled.get(k);
        }
        return List.of(out);
    }

    /** Whether the statement would reach the transformer (for measuring the screen). */
    public boolean reachesTransformer(ClassifierInput in) {
        return !isBackground(in.section())
                && (fast.probabilities(in, fast.defaultDomain())[Labels.MENTIONING] < screenThreshold || hasCue(in));
    }

    /** One of the screen's cues in the citing sentence or the one after it. */
    private boolean hasCue(ClassifierInput in) {
        if (screenCues.isEmpty()) return false;
        for (String text : new String[] {in.sentence(), in.after()}) {
            for (CueLexicon.Match m : CueLexicon.DEFAULT.find(Tokenizer.tokens(text))) {
                if (screenCues.contains(m.cue())) return true;
            }
        }
        return false;
    }

    /** Methods and Introduction: the sections whose statements the section rule labels mentioning. */
    public static boolean isBackground(SectionType section) {
        return section == SectionType.METHODS || section == SectionType.INTRODUCTION;
    }

    private static Map<Label, Double> scores(double[] p) {
        Map<Label, Double> scores = new EnumMap<>(Label.class);
        for (int c = 0; c < Labels.COUNT; c++) scores.put(Labels.label(c), p[c]);
        return scores;
    }
}
