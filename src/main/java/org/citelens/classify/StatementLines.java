package org.citelens.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
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
        return classifyAll(List.of(line), lineNumber).get(0);
    }

    /**
     * Labels a block of lines at once (a batching model scores them together), in order; {@code firstLineNumber} is
     * the number of the first, for error messages.
     */
    public List<Outcome> classifyAll(List<String> lines, long firstLineNumber) {
        Outcome[] out = new Outcome[lines.size()];
        List<ObjectNode> good = new ArrayList<>();
        List<ClassifierInput> inputs = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            JsonNode node;
            try {
                node = json.readTree(line);
            } catch (JsonProcessingException e) {
                out[i] = error(
                        json.createObjectNode().put("line", firstLineNumber + i).put("input", line),
                        "not valid JSON: " + e.getOriginalMessage());
                continue;
            }
            if (!(node instanceof ObjectNode obj)) {
                out[i] = error(
                        json.createObjectNode().put("line", firstLineNumber + i).put("input", line),
                        "not a JSON object");
                continue;
            }
            JsonNode sentence = obj.get("sentence");
            if (sentence == null || !sentence.isTextual() || sentence.asText().isBlank()) {
                out[i] = error(obj, "no \"sentence\" to classify");
                continue;
            }
            SectionType section = null;
            if (!text(obj, "section").isBlank()) {
                try {
                    section = SectionType.fromWireName(text(obj, "section"));
                } catch (IllegalArgumentException e) {
                    out[i] = error(obj, e.getMessage());
                    continue;
                }
            }
            good.add(obj);
            at.add(i);
            inputs.add(new ClassifierInput(
                    text(obj, "before"),
                    sentence.asText(),
                    text(obj, "after"),
                    text(obj, "target_marker"),
                    List.of(),
                    section));
        }
        List<Prediction> predictions = inputs.isEmpty() ? List.of() : classifier.classifyAll(inputs);
        for (int k = 0; k < good.size(); k++) {
            ObjectNode obj = good.get(k);
            Prediction p = predictions.get(k);
            obj.put("label", p.label().wireName());
            obj.put("confidence", round(p.confidence()));
            obj.put("labelModel", classifier.name());
            ObjectNode scores = obj.putObject("scores");
            for (Label l : List.of(Label.SUPPORTING, Label.CONTRASTING, Label.MENTIONING)) {
                scores.put(l.wireName(), round(p.scores().getOrDefault(l, 0.0)));
            }
            out[at.get(k)] = new Outcome(obj.toString(), true);
        }
        return List.of(out);
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
