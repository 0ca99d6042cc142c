package org.citelens.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citelens.classify.CitationClassifier;
import org.citelens.classify.ClassifierInput;
import org.citelens.classify.Prediction;
import org.citelens.model.CitationStatement;

/**
 * Labels one article's statements. The classifier must tell the target marker from the other markers of the
 * same sentence; those are the markers of the article's other statements at the same sentence position.
 */
public final class StatementLabeller {
    private final CitationClassifier classifier;

    public StatementLabeller(CitationClassifier classifier) {
        this.classifier = classifier;
    }

    public List<CitationStatement> label(List<CitationStatement> statements) {
        Map<Integer, Set<String>> markersBySentence = new HashMap<>();
        for (CitationStatement s : statements) {
            if (s.marker() != null) {
                markersBySentence
                        .computeIfAbsent(s.sentencePosition(), k -> new LinkedHashSet<>())
                        .add(s.marker());
            }
        }
        List<ClassifierInput> inputs = new ArrayList<>(statements.size());
        for (CitationStatement s : statements) {
            List<String> others = new ArrayList<>(markersBySentence.getOrDefault(s.sentencePosition(), Set.of()));
            others.remove(s.marker());
            inputs.add(new ClassifierInput(
                    s.before(), s.sentence() == null ? "" : s.sentence(), s.after(), s.marker(), others, s.section()));
        }
        // One call per article: a batching model (the transformer) scores the article's statements together.
        List<Prediction> predictions = classifier.classifyAll(inputs);
        List<CitationStatement> out = new ArrayList<>(statements.size());
        for (int i = 0; i < statements.size(); i++) {
            Prediction p = predictions.get(i);
            out.add(statements.get(i).withLabel(p.label(), p.confidence(), classifier.name()));
        }
        return out;
    }
}
