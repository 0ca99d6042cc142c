package org.citelens.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

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
 * @param screenCues cue kinds ({@link Cue} names) in the citing sentence or the next one that send a statement to
 *                   the transformer whatever the fast screen says; null or empty for none
 * @param confidenceCalibration per decided label ({@link Labels} order), {@code {a, b}}: the reported confidence is
 *                              {@code sigmoid(a * logit(p) + b)} of the decided label's probability, fitted on held-out
 *                              rows, because the precision-first rule makes a raw "mentioning" probability pessimistic;
 *                              null for none
 * @param description training data and options, printed by evaluate
 * @param earlyExit the probe that lets plainly mentioning statements leave after a middle layer; null when the model
 *                  is one graph ({@code model.onnx}) rather than two ({@code lower.onnx}, {@code upper.onnx})
 */
public record TransformerSettings(
        String name,
        String encoder,
        int maxTokens,
        int sentenceTokens,
        double temperature,
        double supportingThreshold,
        double contrastingThreshold,
        double screenThreshold,
        List<String> screenCues,
        double[][] confidenceCalibration,
        String description,
        EarlyExit earlyExit) {
    public static final int DEFAULT_MAX_TOKENS = 128;
    public static final int DEFAULT_SENTENCE_TOKENS = 80;
    private static final ObjectMapper JSON = new ObjectMapper();

    public TransformerSettings {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("settings need a model name");
        if (!(temperature > 0)) throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        screenCues = screenCues == null ? List.of() : List.copyOf(screenCues);
        for (String cue : screenCues) Cue.valueOf(cue);
        if (confidenceCalibration != null && confidenceCalibration.length != Labels.COUNT) {
            throw new IllegalArgumentException("confidenceCalibration needs one {a, b} pair per label");
        }
    }

    /** The confidence to report for a decision of label {@code label} taken at probability {@code p}. */
    public double confidence(int label, double p) {
        if (confidenceCalibration == null) return p;
        double[] ab = confidenceCalibration[label];
        double q = Math.min(1 - 1e-6, Math.max(1e-6, p));
        return 1 / (1 + Math.exp(-(ab[0] * Math.log(q / (1 - q)) + ab[1])));
    }

    public DecisionRule rule() {
        return new DecisionRule(supportingThreshold, contrastingThreshold);
    }

    public static TransformerSettings read(InputStream in) throws IOException {
        return JSON.readValue(in, TransformerSettings.class);
    }
}
