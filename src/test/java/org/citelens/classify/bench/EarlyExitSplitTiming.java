package org.citelens.classify.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.citelens.classify.EncoderBatch;
import org.citelens.classify.EncoderTokenizer;
import org.citelens.classify.LabelledData;
import org.citelens.classify.LabelledStatement;
import org.citelens.classify.TransformerInput;
import org.citelens.classify.TransformerInputBuilder;
import org.citelens.testdata.RepositoryFiles;

/**
 * What an early exit would cost, on one thread: the shipped int8 graph whole, against its two halves as
 * {@code early_exit.py split} writes them (the lower layers, then the upper ones fed the lower ones' states through a
 * buffer, as a runtime would after choosing which statements go on). 2,048 annotated statements in article-sized
 * blocks of 64, batches of 8 in length order, three rounds; the ratios are what matter (docs/classifier.md, "What
 * was tried", the early exit).
 *
 * <p>Arguments: the whole graph, the lower half, the upper half.
 */
public final class EarlyExitSplitTiming {
    private static final int STATEMENTS = 2048;
    private static final int BLOCK = 64;
    private static final int BATCH = 8;

    public static void main(String[] args) throws IOException, OrtException {
        if (args.length != 3) {
            System.err.println("usage: EarlyExitSplitTiming MODEL.onnx LOWER.onnx UPPER.onnx");
            System.exit(2);
        }
        List<LabelledStatement> rows = LabelledData.read(RepositoryFiles.dataRoot().resolve("annotations/citelens.tsv"));
        List<TransformerInput> encoded = new ArrayList<>();
        try (EncoderTokenizer tokenizer = EncoderTokenizer.load()) {
            TransformerInputBuilder builder = new TransformerInputBuilder(tokenizer, 96, 64);
            for (LabelledStatement r : rows.subList(0, STATEMENTS)) encoded.add(builder.build(r.input()));
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            try (OrtSession whole = env.createSession(args[0], options);
                    OrtSession lower = env.createSession(args[1], options);
                    OrtSession upper = env.createSession(args[2], options)) {
                String hidden = lower.getOutputNames().iterator().next();
                for (int round = 1; round <= 3; round++) {
                    long[] nanos = new long[3];
                    for (int block = 0; block < STATEMENTS; block += BLOCK) {
                        List<TransformerInput> sorted = new ArrayList<>(encoded.subList(block, block + BLOCK));
                        sorted.sort(Comparator.comparingInt(TransformerInput::length));
                        for (int from = 0; from < BLOCK; from += BATCH) {
                            time(env, whole, lower, upper, hidden, sorted.subList(from, from + BATCH), nanos);
                        }
                    }
                    System.out.printf("round %d: %d statements; whole %.1f/s, lower %.1f/s, upper %.1f/s, lower then upper %.1f/s%n",
                            round, STATEMENTS, rate(nanos[0]), rate(nanos[1]), rate(nanos[2]), rate(nanos[1] + nanos[2]));
                }
            }
        }
    }

    private static double rate(long nanos) {
        return STATEMENTS / (nanos / 1e9);
    }

    private static void time(OrtEnvironment env, OrtSession whole, OrtSession lower, OrtSession upper, String hidden,
            List<TransformerInput> batch, long[] nanos) throws OrtException {
        EncoderBatch b = EncoderBatch.of(batch);
        long[] shape = b.shape();
        long[] ids = b.ids();
        long[] mask = b.mask();
        long[] types = b.types();
        long t0 = System.nanoTime();
        try (OnnxTensor i = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                OnnxTensor m = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                OnnxTensor t = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape);
                OrtSession.Result r = whole.run(Map.of("input_ids", i, "attention_mask", m, "token_type_ids", t))) {
            r.get(0).getValue();
        }
        long t1 = System.nanoTime();
        FloatBuffer states;
        long[] statesShape;
        try (OnnxTensor i = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                OnnxTensor m = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                OnnxTensor t = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape);
                OrtSession.Result r = lower.run(Map.of("input_ids", i, "attention_mask", m, "token_type_ids", t))) {
            OnnxTensor out = (OnnxTensor) r.get(0);
            statesShape = out.getInfo().getShape();
            FloatBuffer from = out.getFloatBuffer();
            states = FloatBuffer.allocate(from.remaining());
            states.put(from).flip();
        }
        long t2 = System.nanoTime();
        try (OnnxTensor h = OnnxTensor.createTensor(env, states, statesShape);
                OnnxTensor m = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                OrtSession.Result r = upper.run(Map.of(hidden, h, "attention_mask", m))) {
            r.get(0).getValue();
        }
        long t3 = System.nanoTime();
        nanos[0] += t1 - t0;
        nanos[1] += t2 - t1;
        nanos[2] += t3 - t2;
    }
}
