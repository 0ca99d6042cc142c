package org.citelens.classify;

import java.util.Map;
import org.citelens.model.Label;

/** A label with its calibrated probability and the probability of every label. */
public record Prediction(Label label, double confidence, Map<Label, Double> scores) {
    public Prediction {
        scores = scores == null ? Map.of() : Map.copyOf(scores);
    }

    public static Prediction unclassified() {
        return new Prediction(Label.UNCLASSIFIED, 0.0, Map.of());
    }
}
