package org.citelens.classify;

import java.util.List;

/**
 * What the classifier sees of one statement: the citing sentence with its target marker, the other markers in
 * the sentence (so they can be told apart from the target), and the sentences around it.
 */
public record ClassifierInput(String before, String sentence, String after, String targetMarker, List<String> otherMarkers) {
    public ClassifierInput {
        if (sentence == null) throw new IllegalArgumentException("sentence must be given");
        before = before == null ? "" : before;
        after = after == null ? "" : after;
        targetMarker = targetMarker == null ? "" : targetMarker;
        otherMarkers = otherMarkers == null ? List.of() : List.copyOf(otherMarkers);
    }
}
