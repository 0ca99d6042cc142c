package org.citelens.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * early_exit.py expose, on the shipped int8 graph: the written graph gives the same logits as the shipped one and a
 * second output, layer 6's hidden states, one 384-wide vector per token (what EarlyExitFeatures pools for the probe).
 */
class EarlyExitScriptTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(120)
    void theExposedGraphKeepsTheLogitsAndAddsTheMiddleLayer() throws Exception {
        Path shipped = Path.of("src/main/resources/org/citelens/classify/transformer/model.onnx");
        Path exposed = tmp.resolve("exposed.onnx");
        Process p = new ProcessBuilder("/usr/bin/python3", "src/main/python/transformer/early_exit.py", "expose",
                        "--model", shipped.toString(), "--layer", "6", "--out", exposed.toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("log").toFile())
                .start();
        assertTrue(p.waitFor(100, TimeUnit.SECONDS), "early_exit.py finished in time");
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("log")));

        TransformerInput in;
        try (EncoderTokenizer tokenizer = EncoderTokenizer.load()) {
            in = new TransformerInputBuilder(tokenizer, 96, 64).build(new ClassifierInput(
                    "We measured the yield.", "Our results are consistent with those of Smith et al. [12].",
                    "This supports the model.", "[12]", List.of()));
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long[] shape = {1, in.length()};
        long[] mask = new long[in.length()];
        Arrays.fill(mask, 1L);
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession before = env.createSession(shipped.toString(), options);
                OrtSession after = env.createSession(exposed.toString(), options);
                OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(in.ids()), shape);
                OnnxTensor m = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(in.typeIds()), shape);
                OrtSession.Result a = before.run(Map.of("input_ids", ids, "attention_mask", m, "token_type_ids", types));
                OrtSession.Result b = after.run(Map.of("input_ids", ids, "attention_mask", m, "token_type_ids", types))) {
            float[][] logitsBefore = (float[][]) a.get("logits").orElseThrow().getValue();
            float[][] logitsAfter = (float[][]) b.get("logits").orElseThrow().getValue();
            assertArrayEquals(logitsBefore[0], logitsAfter[0], 1e-6f, "exposing a layer changes no logit");
            OnnxTensor hidden = (OnnxTensor) b.get("hidden").orElseThrow();
            assertArrayEquals(new long[] {1, in.length(), 384}, hidden.getInfo().getShape());
            float[] values = new float[in.length() * 384];
            hidden.getFloatBuffer().get(values);
            double norm = 0;
            for (float v : values) norm += v * v;
            assertTrue(norm > 1, "layer 6's states are not empty: squared norm " + norm);
        }
    }
}
