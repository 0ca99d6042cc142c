package org.citelens.classify;

import java.util.ArrayList;
import java.util.List;

/** Labels citation statements. Implementations are immutable and thread-safe. */
public interface CitationClassifier {
    Prediction classify(ClassifierInput input);

    /** Labels many statements at once, in input order; models that batch (the transformer) override it. */
    default List<Prediction> classifyAll(List<ClassifierInput> inputs) {
        List<Prediction> out = new ArrayList<>(inputs.size());
        for (ClassifierInput in : inputs) out.add(classify(in));
        return out;
    }

    /** The model's name, recorded as {@code labelModel} on every statement it labels. */
    String name();

    /** How it was trained, for evaluate. */
    default String description() {
        return name();
    }

    /** The thresholds that turn its probabilities into a label. */
    default DecisionRule rule() {
        return DecisionRule.ARGMAX;
    }
}
