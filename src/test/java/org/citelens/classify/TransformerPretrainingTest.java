package org.citelens.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Task-adaptive pretraining (src/main/python/transformer/pretrain.py): the masked-language-model loss falls on the
 * tiny model's sixteen training texts, held-out and repeated rows lend no text, and train.py --init-state fine-tunes
 * from the state it writes: the tiny model's own recipe, started there, ends with other logits; a state that does not
 * fit the encoder is refused.
 */
@ExtendWith(TinyModelExtension.class)
class TransformerPretrainingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    @Timeout(600)
    void pretrainingLearnsFromTrainingTextOnlyAndFineTuningStartsFromIt(TinyModelExtension.TinyModel tiny)
            throws Exception {
        Path trained = tiny.dir().getParent();
        Path encoder = trained.resolve("encoder.onnx");
        // The tiny model's sixteen training rows, two of them again, and four moved to dev with a word more each:
        // only the sixteen distinct training texts may be read.
        List<String> lines = Files.readAllLines(trained.resolve("data.jsonl"));
        List<String> data = new ArrayList<>(lines);
        data.addAll(lines.subList(0, 2));
        for (String line : lines.subList(2, 6)) {
            ObjectNode row = (ObjectNode) JSON.readTree(line);
            row.put("split", "dev");
            row.withArray("ids").insert(1, 2023);
            row.withArray("types").add(0);
            data.add(JSON.writeValueAsString(row));
        }
        Path file = tmp.resolve("data.jsonl");
        Files.write(file, data);

        Path pretrained = tmp.resolve("pretrained");
        TrainerScript mlm = TrainerScript.run("pretrain.py", tmp.resolve("pretrain.log"), 300, List.of(
                "--data", file.toString(), "--encoder", encoder.toString(), "--out", pretrained.toString(),
                "--steps", "14", "--head-steps", "4", "--batch", "16", "--lr", "1e-4", "--head-lr", "3e-3",
                "--threads", "2"));
        assertEquals(0, mlm.exitValue(), "pretrain.py failed:\n" + mlm.output());
        JsonNode report = JSON.readTree(pretrained.resolve("pretrain.json").toFile());
        assertEquals(16, report.get("texts").asInt(), "sixteen distinct training texts");
        assertEquals(14, report.get("steps").asInt());
        double[] losses = TransformerTrainingTest.doubles(report.get("losses"));
        double first = (losses[0] + losses[1] + losses[2]) / 3;
        double last = (losses[11] + losses[12] + losses[13]) / 3;
        // An untrained head starts near ln(30,522) = 10.3; a few steps on the same texts bring it well below.
        assertTrue(first > 9 && last < first - 1.5, "MLM loss falls: first steps " + first + ", last steps " + last);
        assertTrue(Files.size(pretrained.resolve("encoder.pt")) > 50_000_000, "MiniLM-L6's state, fp32");

        Path out = tmp.resolve("model");
        List<String> args = TransformerTrainingTest.tinyArgs(trained.resolve("data.jsonl"), encoder, out);
        args.addAll(List.of("--init-state", pretrained.resolve("encoder.pt").toString()));
        TrainerScript fine = TrainerScript.run("train.py", tmp.resolve("train.log"), 540, args);
        assertEquals(0, fine.exitValue(), "train.py --init-state failed:\n" + fine.output());
        JsonNode tuned = JSON.readTree(out.resolve("report.json").toFile());
        assertEquals(pretrained.resolve("encoder.pt").toString(), tuned.get("initState").asText());
        assertTrue(Files.readString(out.resolve("settings.json")).contains("encoder MLM-pretrained further"),
                "the model's description says where its encoder started");
        // Same data, arguments and seed as the tiny model, whose trainer is seeded and single-process: run to run its
        // logits differ by float noise (under 1e-5), so a larger difference comes from the starting state.
        JsonNode mine = tuned.get("probe").get("logits");
        JsonNode theirs = JSON.readTree(tiny.dir().resolve("report.json").toFile()).get("probe").get("logits");
        double largest = 0;
        for (int i = 0; i < mine.size(); i++) {
            for (int k = 0; k < 3; k++) {
                largest = Math.max(largest, Math.abs(mine.get(i).get(k).asDouble() - theirs.get(i).get(k).asDouble()));
            }
        }
        assertTrue(largest > 1e-3, "fine-tuning started from the pretrained state: largest logit change " + largest);

        // A state of another depth is refused with one line before training: MiniLM's six layers into three.
        List<String> shallower = TransformerTrainingTest.tinyArgs(trained.resolve("data.jsonl"), encoder, tmp.resolve("no"));
        shallower.addAll(List.of("--layers", "3", "--init-state", pretrained.resolve("encoder.pt").toString()));
        TrainerScript refused = TrainerScript.run("train.py", tmp.resolve("refused.log"), 120, shallower);
        assertEquals(1, refused.exitValue(), refused.output());
        assertTrue(refused.output().contains("does not fit the encoder") && refused.output().contains("layers.3."),
                refused.output());
    }

    @Test
    void pretrainingRefusesABudgetOrTextItCannotUseBeforeLoadingAnyEncoder() throws Exception {
        TrainerScript.assumeWanted();
        Path data = tmp.resolve("dev-only.jsonl");
        Files.writeString(data, "{\"id\":\"a\",\"dataset\":\"clinical\",\"split\":\"dev\",\"label\":2,"
                + "\"ids\":[101,2023,102],\"types\":[0,0,0]}\n");
        List<String> common = List.of("--data", data.toString(), "--encoder", tmp.resolve("none.onnx").toString(),
                "--out", tmp.resolve("out").toString());
        List<String> budget = new ArrayList<>(common);
        budget.addAll(List.of("--steps", "10", "--head-steps", "10"));
        TrainerScript noJointSteps = TrainerScript.run("pretrain.py", tmp.resolve("budget.log"), 120, budget);
        assertEquals(1, noJointSteps.exitValue(), noJointSteps.output());
        assertTrue(noJointSteps.output().contains("--head-steps 10 leaves no step for the encoder"),
                noJointSteps.output());
        TrainerScript heldOutOnly = TrainerScript.run("pretrain.py", tmp.resolve("text.log"), 120, common);
        assertEquals(1, heldOutOnly.exitValue(), heldOutOnly.output());
        assertTrue(heldOutOnly.output().contains("no rows of splits ['train']"), heldOutOnly.output());
    }
}
