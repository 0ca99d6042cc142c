package org.citelens.classify;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Sentence embeddings of labelled rows from all-MiniLM-L6-v2 (quantised ONNX, run in process by onnxruntime on one
 * thread), unit length, cached in a file so the embedding experiment embeds each row once. Development only: the
 * encoder is a test-scope dependency and never ships (see "What was tried" in docs/classifier.md).
 */
final class SentenceEmbeddings {
    static final int DIMENSION = 384;
    /**
     * The encoder's resource base name, the same as the artifact the profile "embeddings" brought in
     * ({@code -Dencoder.artifact}): all-minilm-l6-v2-q by default, all-minilm-l6-v2, e5-small-v2-q.
     */
    static final String ENCODER = System.getProperty("encoder", "all-minilm-l6-v2-q");
    /** Put before every text: E5 models expect "query: " (and the cache file is named by the encoder alone). */
    private static final String PREFIX = ENCODER.startsWith("e5") ? "query: " : "";

    /** What the encoder reads of a row. */
    enum TextView {
        /** The sentence as written, markers and all. */
        RAW(s -> s.input().sentence()),
        /** The sentence after {@link MarkerMasker}: "tgtcit" for the target, "othcit" for every other marker. */
        MASKED(s -> MarkerMasker.mask(s.input()).replaceAll("\\s+", " ").strip()),
        /** The same with words the encoder knows: "[citation]" for the target, "[other citation]" for the others. */
        PLACEHOLDER(s -> MASKED.text.apply(s).replace("tgtcit", "[citation]").replace("othcit", "[other citation]"));

        final Function<LabelledStatement, String> text;

        TextView(Function<LabelledStatement, String> text) {
            this.text = text;
        }
    }

    private SentenceEmbeddings() {}

    /** The embeddings of the rows in row order, from the cache when it holds exactly these rows. */
    static float[][] load(List<LabelledStatement> rows, TextView view, Path cache) throws Exception {
        float[][] cached = readCache(rows, cache);
        if (cached != null) return cached;
        AbstractInProcessEmbeddingModel model = singleThreadModel();
        float[][] out = new float[rows.size()][];
        model.embedAll(List.of(TextSegment.from("warm up the session")));
        long t0 = System.nanoTime();
        for (int i = 0; i < rows.size(); i++) {
            float[] v = model.embedAll(List.of(TextSegment.from(PREFIX + view.text.apply(rows.get(i)))))
                    .content()
                    .get(0)
                    .vector();
            out[i] = unit(v);
            if ((i + 1) % 500 == 0) {
                System.err.printf(
                        Locale.ROOT,
                        "embedded %d/%d, %.1f sentences/s%n",
                        i + 1,
                        rows.size(),
                        (i + 1) / ((System.nanoTime() - t0) / 1e9));
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.err.printf(
                Locale.ROOT,
                "EMBED %s %s: %d sentences in %.1f s, %.1f sentences/s (one onnxruntime thread)%n",
                ENCODER,
                view,
                rows.size(),
                seconds,
                rows.size() / seconds);
        writeCache(rows, out, cache);
        return out;
    }

    /** The quantised MiniLM with one intra-op and one inter-op thread, fed one sentence at a time by the caller. */
    static AbstractInProcessEmbeddingModel singleThreadModel() throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        byte[] onnx;
        try (InputStream in = resource(ENCODER + ".onnx")) {
            onnx = in.readAllBytes();
        }
        OrtSession session = env.createSession(onnx, options);
        OnnxBertBiEncoder encoder;
        try (InputStream tokenizer = resource(ENCODER + "-tokenizer.json")) {
            encoder = new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
        }
        return new AbstractInProcessEmbeddingModel(Runnable::run) {
            @Override
            protected OnnxBertBiEncoder model() {
                return encoder;
            }

            @Override
            protected Integer knownDimension() {
                return DIMENSION;
            }
        };
    }

    private static InputStream resource(String name) {
        InputStream in = SentenceEmbeddings.class.getClassLoader().getResourceAsStream(name);
        if (in == null) throw new IllegalStateException("resource " + name + " not on the test classpath");
        return in;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) norm += x * x;
        double s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] * s);
        return out;
    }

    private static float[][] readCache(List<LabelledStatement> rows, Path cache) throws IOException {
        if (!Files.isRegularFile(cache)) return null;
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(cache)))) {
            int n = in.readInt();
            int dim = in.readInt();
            if (n != rows.size() || dim != DIMENSION) return null;
            float[][] out = new float[n][dim];
            for (int i = 0; i < n; i++) {
                if (!in.readUTF().equals(rows.get(i).id())) return null;
                for (int d = 0; d < dim; d++) out[i][d] = in.readFloat();
            }
            return out;
        }
    }

    private static void writeCache(List<LabelledStatement> rows, float[][] vectors, Path cache) throws IOException {
        Files.createDirectories(cache.toAbsolutePath().getParent());
        try (DataOutputStream out =
                new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(cache)))) {
            out.writeInt(rows.size());
            out.writeInt(DIMENSION);
            for (int i = 0; i < rows.size(); i++) {
                out.writeUTF(rows.get(i).id());
                for (float x : vectors[i]) out.writeFloat(x);
            }
        }
    }
}
