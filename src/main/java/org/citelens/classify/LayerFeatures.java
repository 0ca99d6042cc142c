package org.citelens.classify;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an early-exit probe is fitted on: a transformer graph with a middle layer's output exposed as a second output,
 * {@code hidden} ({@code early_exit.py expose}), run over statements exactly as the run time runs the shipped graph
 * (its caps, length-sorted batches of {@link TransformerClassifier#BATCH}, one thread), giving each statement's
 * logits and its mean-pooled hidden states ({@link EarlyExit#meanPool}, the run time's pooling).
 */
public final class LayerFeatures implements AutoCloseable {
    /** One statement's logits (supporting, contrasting, mentioning) and pooled states. */
    public record Row(float[] logits, float[] pooled) {}

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final EncoderTokenizer tokenizer;
    private final TransformerInputBuilder builder;

    public LayerFeatures(Path exposedGraph, TransformerSettings settings) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = env.createSession(exposedGraph.toString(), options);
        }
        if (!session.getOutputNames().contains("hidden") || !session.getOutputNames().contains("logits")) {
            session.close();
            throw new IllegalArgumentException(exposedGraph + " has no 'hidden' and 'logits' outputs: write it with"
                    + " early_exit.py expose");
        }
        this.tokenizer = EncoderTokenizer.load();
        this.builder = new TransformerInputBuilder(tokenizer, settings.maxTokens(), settings.sentenceTokens());
    }

    /** One row per input, in the inputs' order; {@code scored} hears how many are done after each batch. */
    public List<Row> score(List<ClassifierInput> inputs, java.util.function.IntConsumer scored) throws OrtException {
        List<TransformerInput> encoded = new ArrayList<>(inputs.size());
        for (ClassifierInput in : inputs) encoded.add(builder.build(in));
        Integer[] order = EncoderBatch.lengthOrder(encoded);
        Row[] rows = new Row[order.length];
        for (int from = 0; from < order.length; from += TransformerClassifier.BATCH) {
            int to = Math.min(order.length, from + TransformerClassifier.BATCH);
            EncoderBatch b = EncoderBatch.of(encoded, order, from, to);
            try (OrtSession.Result result = b.run(env, session)) {
                float[][] logits = (float[][]) result.get("logits").orElseThrow().getValue();
                OnnxTensor hidden = (OnnxTensor) result.get("hidden").orElseThrow();
                FloatBuffer h = hidden.getFloatBuffer();
                int dim = (int) hidden.getInfo().getShape()[2];
                for (int r = 0; r < to - from; r++) {
                    float[] states = b.rowStates(h, r, encoded.get(order[from + r]).length(), dim);
                    rows[order[from + r]] = new Row(logits[r].clone(), EarlyExit.meanPool(states, dim));
                }
            }
            scored.accept(to);
        }
        return List.of(rows);
    }

    @Override
    public void close() throws OrtException {
        session.close();
        tokenizer.close();
    }
}
