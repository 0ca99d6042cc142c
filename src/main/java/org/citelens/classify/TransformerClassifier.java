package org.citelens.classify;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.citelens.model.Label;

/**
 * The fine-tuned transformer labeller: a BERT-style encoder with a linear head, run in-process by onnxruntime
 * (pure JVM for the caller: no Python, no network). Statements are scored in batches of similar length, so
 * padding costs little; logits are divided by the fitted temperature before the softmax, and the precision-first
 * {@link DecisionRule} turns probabilities into a label. Thread-safe: onnxruntime sessions may run concurrently.
 */
public final class TransformerClassifier implements CitationClassifier, AutoCloseable {
    /** Statements of similar length scored together; 8 measured faster than 16 or 32 (less padding), docs/benchmarks.md. */
    private static final int BATCH = 8;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final EncoderTokenizer tokenizer;
    private final TransformerInputBuilder inputs;
    private final TransformerSettings settings;

    TransformerClassifier(byte[] onnx, TransformerSettings settings, int threads) {
        this.settings = settings;
        this.env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // One intra-op thread per call: ingest already labels articles on several threads at once.
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = env.createSession(onnx, options);
        } catch (OrtException e) {
            throw new IllegalStateException(
                    "cannot load the transformer model " + settings.name() + ": " + e.getMessage(), e);
        }
        this.tokenizer = EncoderTokenizer.load();
        this.inputs = new TransformerInputBuilder(tokenizer, settings.maxTokens(), settings.sentenceTokens());
    }

    public TransformerSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public String description() {
        return settings.description();
    }

    @Override
    public DecisionRule rule() {
        return settings.rule();
    }

    @Override
    public Prediction classify(ClassifierInput input) {
        return classifyAll(List.of(input)).get(0);
    }

    @Override
    public List<Prediction> classifyAll(List<ClassifierInput> statements) {
        List<TransformerInput> encoded = new ArrayList<>(statements.size());
        for (ClassifierInput s : statements) encoded.add(inputs.build(s));
        double[][] probabilities = probabilities(encoded);
        List<Prediction> out = new ArrayList<>(statements.size());
        DecisionRule rule = settings.rule();
        for (double[] p : probabilities) {
            Label label = rule.decide(p);
            Map<Label, Double> scores = new EnumMap<>(Label.class);
            for (int c = 0; c < Labels.COUNT; c++) scores.put(Labels.label(c), p[c]);
            out.add(new Prediction(label, settings.confidence(Labels.index(label), p[Labels.index(label)]), scores));
        }
        return out;
    }

    /** Calibrated probabilities in {@link Labels} order, one row per input, in input order. */
    public double[][] probabilities(List<TransformerInput> encoded) {
        double[][] logits = logits(encoded);
        double[][] p = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) p[i] = softmax(logits[i], settings.temperature());
        return p;
    }

    /** Raw logits, one row per input, in input order; inputs are batched by length. */
    public double[][] logits(List<TransformerInput> encoded) {
        Integer[] order = new Integer[encoded.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(
                order,
                (a, b) ->
                        Integer.compare(encoded.get(a).length(), encoded.get(b).length()));
        double[][] out = new double[encoded.size()][];
        for (int from = 0; from < order.length; from += BATCH) {
            int to = Math.min(order.length, from + BATCH);
            float[][] batch = run(encoded, order, from, to);
            for (int k = from; k < to; k++) {
                float[] row = batch[k - from];
                out[order[k]] = new double[] {row[0], row[1], row[2]};
            }
        }
        return out;
    }

    private float[][] run(List<TransformerInput> encoded, Integer[] order, int from, int to) {
        int rows = to - from;
        List<TransformerInput> batch = new ArrayList<>(rows);
        for (int k = from; k < to; k++) batch.add(encoded.get(order[k]));
        EncoderBatch b = EncoderBatch.of(batch);
        long[] shape = b.shape();
        try (OnnxTensor tIds = OnnxTensor.createTensor(env, LongBuffer.wrap(b.ids()), shape);
                OnnxTensor tMask = OnnxTensor.createTensor(env, LongBuffer.wrap(b.mask()), shape);
                OnnxTensor tTypes = OnnxTensor.createTensor(env, LongBuffer.wrap(b.types()), shape);
                OrtSession.Result result =
                        session.run(Map.of("input_ids", tIds, "attention_mask", tMask, "token_type_ids", tTypes))) {
            return (float[][]) result.get(0).getValue();
        } catch (OrtException e) {
            throw new IllegalStateException(
                    "the transformer model failed on a batch of " + rows + ": " + e.getMessage(), e);
        }
    }

    static double[] softmax(double[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) max = Math.max(max, z / temperature);
        double sum = 0;
        double[] p = new double[logits.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] / temperature - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) p[i] /= sum;
        return p;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // Closing frees native memory; a failure here leaves nothing for the caller to do.
        }
        tokenizer.close();
    }
}
