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
final class StatementLabeller {
    private final CitationClassifier classifier;

    StatementLabeller(CitationClassifier classifier) {
        this.classifier = classifier;
    }

    List<CitationStatement> label(List<CitationStatement> statements) {
        Map<Integer, Set<String>> markersBySentence = new HashMap<>();
        for (CitationStatement s : statements) {
            if (s.marker() != null) {
                markersBySentence.computeIfAbsent(s.sentencePosition(), k -> new LinkedHashSet<>()).add(s.marker());
            }
        }
        List<CitationStatement> out = new ArrayList<>(statements.size());
        for (CitationStatement s : statements) {
            List<String> others = new ArrayList<>(markersBySentence.getOrDefault(s.sentencePosition(), Set.of()));
            others.remove(s.marker());
            Prediction p = classifier.classify(new ClassifierInput(s.before(), s.sentence() == null ? "" : s.sentence(),
                    s.after(), s.marker(), others, s.section()));
            out.add(s.withLabel(p.label(), p.confidence()));
        }
        return out;
    }
}
