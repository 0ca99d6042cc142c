package org.citelens.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * recalibrate.py refits a model's decision settings from the held-out logits train.py saved: given a real training
 * run's logits (the distilled MiniLM student of docs/classifier.md, "What was tried", 2,706 dev and test rows), its
 * defaults reproduce the temperature, thresholds and confidence mapping the trainer wrote, and pooling the clinical
 * dev rows into the mapping changes the mapping but not the labels.
 */
class RecalibrateScriptTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURE = Path.of("src/test/resources/org/citelens/classify/heldout");

    @TempDir
    Path tmp;

    @Test
    @Timeout(120)
    void theDefaultsReproduceTheTrainersDecisionSettings() throws Exception {
        Map<String, String> out = recalibrate();
        JsonNode settings = JSON.readTree(FIXTURE.resolve("settings.json").toFile());
        assertEquals(settings.get("temperature").asDouble(), Double.parseDouble(out.get("temperature")), 1e-9);
        assertEquals(settings.get("supportingThreshold").asDouble(), Double.parseDouble(out.get("supportingThreshold")));
        assertEquals(settings.get("contrastingThreshold").asDouble(), Double.parseDouble(out.get("contrastingThreshold")));
        JsonNode refitted = JSON.readTree(out.get("confidenceCalibration"));
        JsonNode written = settings.get("confidenceCalibration");
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 2; j++) {
                // the saved logits are rounded to six decimals, so the refit agrees to about 1e-5
                assertEquals(written.get(k).get(j).asDouble(), refitted.get(k).get(j).asDouble(), 1e-3,
                        "mapping of label " + k);
            }
        }
    }

    @Test
    @Timeout(120)
    void poolingTheClinicalRowsChangesTheMappingButNotTheLabels() throws Exception {
        Map<String, String> ours = recalibrate();
        Map<String, String> pooled = recalibrate("--confidence-datasets", "citelens,clinical");
        assertEquals(ours.get("dev/citelens/shipped"), pooled.get("dev/citelens/shipped"));
        assertNotEquals(ours.get("confidenceCalibration"), pooled.get("confidenceCalibration"));
        assertTrue(Double.parseDouble(pooled.get("dev/clinical/ece")) < Double.parseDouble(ours.get("dev/clinical/ece")),
                "a mapping fitted on the clinical rows too fits them better in-sample: " + ours.get("dev/clinical/ece")
                        + " then " + pooled.get("dev/clinical/ece"));
    }

    /** Runs the script on the fixture and returns its "recalibrate.py: key: value" lines. */
    private Map<String, String> recalibrate(String... extra) throws Exception {
        Path model = tmp.resolve("model" + extra.length);
        Files.createDirectories(model);
        Files.copy(FIXTURE.resolve("heldout-logits.jsonl"), model.resolve("heldout-logits.jsonl"));
        Files.copy(FIXTURE.resolve("settings.json"), model.resolve("settings.json"));
        List<String> args = new ArrayList<>(List.of("--model", model.toString()));
        args.addAll(List.of(extra));
        TrainerScript run =
                TrainerScript.run("recalibrate.py", tmp.resolve("recalibrate" + extra.length + ".log"), 100, args);
        String text = run.output();
        assertEquals(0, run.exitValue(), "recalibrate.py failed:\n" + text);
        Map<String, String> out = new HashMap<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith("recalibrate.py: ")) continue;
            String rest = line.substring("recalibrate.py: ".length());
            int colon = rest.indexOf(": ");
            if (colon > 0) out.put(rest.substring(0, colon), rest.substring(colon + 2));
        }
        return out;
    }
}
