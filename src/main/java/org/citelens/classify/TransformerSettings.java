package org.citelens.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * What the trainer decided about a transformer labeller, saved beside its ONNX file ({@code settings.json}) so the
 * model and the way it must be fed never part: its name (recorded on every statement it labels), the input
 * lengths, the calibration temperature and the decision thresholds chosen for precision.
 *
 * @param name the model's name, stored as {@code labelModel} on each statement
 * @param encoder the pretrained encoder it was fine-tuned from
 * @param maxTokens input length cap, special tokens included
 * @param sentenceTokens the citing sentence's share of it
 * @param temperature logits are divided by it before the softmax (fitted on held-out rows)
 * @param supportingThreshold calibrated probability supporting must reach, else mentioning
 * @param contrastingThreshold the same for contrasting
 * @param screenThreshold in the default labeller, the fast model's probability of mentioning at or above which a
 *                        statement is not sent to the transformer (above 1: none is screened)
 * @param description training data and options, printed by evaluate
 */
public record TransformerSettings(String name, String encoder, int maxTokens, int sentenceTokens, double temperature,
        double supportingThreshold, double contrastingThreshold, double screenThreshold, String description) {
    public static final int DEFAULT_MAX_TOKENS = 128;
    public static final int DEFAULT_SENTENCE_TOKENS = 80;
    private static final ObjectMapper JSON = new ObjectMapper();

    public TransformerSettings {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("settings need a model name");
        if (!(temperature > 0)) throw new IllegalArgumentException("temperature must be positive, got " + temperature);
    }

    public DecisionRule rule() {
        return new DecisionRule(supportingThreshold, contrastingThreshold);
    }

    public static TransformerSettings read(InputStream in) throws IOException {
        return JSON.readValue(in, TransformerSettings.class);
    }
}
