package org.citelens.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.citelens.model.Label;
import org.citelens.model.SectionType;

/**
 * One JSON line in, the same line out with {@code label}, {@code confidence} and {@code scores} added, or with an
 * {@code error} field when the line is not a JSON object, has no sentence or names an unknown section. An optional
 * {@code section} (introduction, methods, results, discussion, other) is passed to the classifier.
 */
public final class StatementLines {
    /** The output line and whether it was labelled. */
    public record Outcome(String json, boolean ok) {}

    private final ObjectMapper json = new ObjectMapper();
    private final CitationClassifier classifier;

    public StatementLines(CitationClassifier classifier) {
        this.classifier = classifier;
    }

    public Outcome classify(String line, long lineNumber) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            return error(json.createObjectNode().put("line", lineNumber).put("input", line),
                    "not valid JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode obj)) {
            return error(json.createObjectNode().put("line", lineNumber).put("input", line), "not a JSON object");
        }
        JsonNode sentence = obj.get("sentence");
        if (sentence == null || !sentence.isTextual() || sentence.asText().isBlank()) {
            return error(obj, "no \"sentence\" to classify");
        }
        SectionType section = null;
        if (!text(obj, "section").isBlank()) {
            try {
                section = SectionType.fromWireName(text(obj, "section"));
            } catch (IllegalArgumentException e) {
                return error(obj, e.getMessage());
            }
        }
        Prediction p = classifier.classify(new ClassifierInput(text(obj, "before"), sentence.asText(), text(obj, "after"),
                text(obj, "target_marker"), List.of(), section));
        obj.put("label", p.label().wireName());
        obj.put("confidence", round(p.confidence()));
        ObjectNode scores = obj.putObject("scores");
        for (Label l : List.of(Label.SUPPORTING, Label.CONTRASTING, Label.MENTIONING)) {
            scores.put(l.wireName(), round(p.scores().getOrDefault(l, 0.0)));
        }
        return new Outcome(obj.toString(), true);
    }

    private Outcome error(ObjectNode obj, String message) {
        obj.put("error", message);
        return new Outcome(obj.toString(), false);
    }

    private static String text(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
