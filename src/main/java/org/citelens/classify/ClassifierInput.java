package org.citelens.classify;

import java.util.List;
import org.citelens.model.SectionType;

/**
 * What the classifier sees of one statement: the citing sentence with its target marker, the other markers in
 * the sentence (so they can be told apart from the target), the sentences around it, and the section it stands
 * in when known (null when not: JSON input without a section, the training sets).
 */
public record ClassifierInput(
        String before,
        String sentence,
        String after,
        String targetMarker,
        List<String> otherMarkers,
        SectionType section) {
    public ClassifierInput {
        if (sentence == null) throw new IllegalArgumentException("sentence must be given");
        before = before == null ? "" : before;
        after = after == null ? "" : after;
        targetMarker = targetMarker == null ? "" : targetMarker;
        otherMarkers = otherMarkers == null ? List.of() : List.copyOf(otherMarkers);
    }

    /** A statement whose section is not known. */
    public ClassifierInput(
            String before, String sentence, String after, String targetMarker, List<String> otherMarkers) {
        this(before, sentence, after, targetMarker, otherMarkers, null);
    }
}
