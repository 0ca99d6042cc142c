package org.citelens.classify;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
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
    static final int BATCH = 8;

    private final OrtEnvironment env;
    /** The whole graph, or with an early exit its lower layers (output: the states the probe reads). */
    private final OrtSession session;
    /** With an early exit, the upper layers (inputs: those states and the attention mask); null otherwise. */
    private final OrtSession upper;
    /** The upper graph's input for the lower layers' states. */
    private final String statesInput;
    private final EncoderTokenizer tokenizer;
    private final TransformerInputBuilder inputs;
    private final TransformerSettings settings;

    TransformerClassifier(byte[] onnx, TransformerSettings settings, int threads) {
        this(onnx, null, settings, threads);
    }

    /**
     * @param lower the graph up to the early exit's layer, or the whole graph when {@code upper} is null
     * @param upper the rest of the graph, given when the settings carry an early exit
     */
    TransformerClassifier(byte[] lower, byte[] upper, TransformerSettings settings, int threads) {
        if ((upper == null) != (settings.earlyExit() == null)) {
            throw new IllegalArgumentException("model " + settings.name() + ": an early exit needs both its settings"
                    + " (earlyExit) and the two graphs (lower.onnx, upper.onnx)");
        }
        this.settings = settings;
        this.env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // One intra-op thread per call: ingest already labels articles on several threads at once.
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = env.createSession(lower, options);
            this.upper = upper == null ? null : env.createSession(upper, options);
            this.statesInput = this.upper == null ? null : this.upper.getInputNames().stream()
                    .filter(n -> !n.equals("attention_mask"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "model " + settings.name() + ": upper.onnx takes no states input"));
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

    /**
     * Raw logits, one row per input, in input order; inputs are batched by length. With an early exit, a statement
     * the probe finds plainly mentioning gets the probe's logits times the temperature (so the calibrated
     * probabilities are the probe's own) and never reaches the upper layers.
     */
    public double[][] logits(List<TransformerInput> encoded) {
        return logits(encoded, true);
    }

    /** The logits of the whole graph, with no statement exiting early (for checking a model against its trainer). */
    double[][] fullLogits(List<TransformerInput> encoded) {
        return logits(encoded, false);
    }

    private double[][] logits(List<TransformerInput> encoded, boolean mayExit) {
        Integer[] order = EncoderBatch.lengthOrder(encoded);
        if (upper != null) return new EarlyExitRun(encoded, order, mayExit).logits();
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
        try (OrtSession.Result result = EncoderBatch.of(encoded, order, from, to).run(env, session)) {
            return (float[][]) result.get(0).getValue();
        } catch (OrtException e) {
            throw new IllegalStateException(
                    "the transformer model failed on a batch of " + (to - from) + ": " + e.getMessage(), e);
        }
    }

    /**
     * One call's two-stage scoring: the lower layers for every statement, in length order; the probe on each
     * statement's mean-pooled states; then the upper layers for those that did not exit, re-batched in length order.
     */
    private final class EarlyExitRun {
        private final List<TransformerInput> encoded;
        private final Integer[] order;
        private final double[][] out;
        /** The states of the statements that go on, by input index, each {@code length x width}. */
        private final Map<Integer, float[]> states = new HashMap<>();
        private final EarlyExit exit = settings.earlyExit();
        private final boolean mayExit;

        EarlyExitRun(List<TransformerInput> encoded, Integer[] order, boolean mayExit) {
            this.encoded = encoded;
            this.order = order;
            this.mayExit = mayExit;
            this.out = new double[encoded.size()][];
        }

        double[][] logits() {
            for (int from = 0; from < order.length; from += BATCH) lower(from, Math.min(order.length, from + BATCH));
            List<Integer> rest = new ArrayList<>();
            for (Integer k : order) if (states.containsKey(k)) rest.add(k);
            for (int from = 0; from < rest.size(); from += BATCH) {
                upper(rest.subList(from, Math.min(rest.size(), from + BATCH)));
            }
            return out;
        }

        private void lower(int from, int to) {
            EncoderBatch b = EncoderBatch.of(encoded, order, from, to);
            int width = exit.width();
            try (OrtSession.Result result = b.run(env, session)) {
                FloatBuffer h = ((OnnxTensor) result.get(0)).getFloatBuffer();
                for (int r = 0; r < b.rows(); r++) {
                    float[] mine = b.rowStates(h, r, encoded.get(order[from + r]).length(), width);
                    double[] z = mayExit ? exit.logits(EarlyExit.meanPool(mine, width)) : null;
                    if (z != null && softmax(z, 1)[Labels.MENTIONING] >= exit.threshold()) {
                        for (int c = 0; c < z.length; c++) z[c] *= settings.temperature();
                        out[order[from + r]] = z;
                    } else {
                        states.put(order[from + r], mine);
                    }
                }
            } catch (OrtException e) {
                throw new IllegalStateException("the transformer model's lower layers failed on a batch of "
                        + b.rows() + ": " + e.getMessage(), e);
            }
        }

        private void upper(List<Integer> rows) {
            int width = exit.width();
            int longest = 0;
            for (int k : rows) longest = Math.max(longest, encoded.get(k).length());
            float[] hidden = new float[rows.size() * longest * width];
            long[] mask = new long[rows.size() * longest];
            for (int r = 0; r < rows.size(); r++) {
                float[] mine = states.get(rows.get(r));
                System.arraycopy(mine, 0, hidden, r * longest * width, mine.length);
                Arrays.fill(mask, r * longest, r * longest + mine.length / width, 1L);
            }
            try (OnnxTensor tHidden = OnnxTensor.createTensor(
                            env, FloatBuffer.wrap(hidden), new long[] {rows.size(), longest, width});
                    OnnxTensor tMask = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), new long[] {rows.size(), longest});
                    OrtSession.Result result = upper.run(
                            Map.of(statesInput, tHidden, "attention_mask", tMask))) {
                float[][] logits = (float[][]) result.get(0).getValue();
                for (int r = 0; r < rows.size(); r++) {
                    out[rows.get(r)] = new double[] {logits[r][0], logits[r][1], logits[r][2]};
                }
            } catch (OrtException e) {
                throw new IllegalStateException("the transformer model's upper layers failed on a batch of "
                        + rows.size() + ": " + e.getMessage(), e);
            }
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
            if (upper != null) upper.close();
        } catch (OrtException e) {
            // Closing frees native memory; a failure here leaves nothing for the caller to do.
        }
        tokenizer.close();
    }
}
