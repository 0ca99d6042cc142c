package org.citelens.classify;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A batch of encoder inputs as the ONNX graph takes them: token ids, attention mask and segment ids, each row padded
 * with zeros to the longest input, flattened row by row, and their shape.
 */
public record EncoderBatch(long[] ids, long[] mask, long[] types, long[] shape) {
    public static EncoderBatch of(List<TransformerInput> inputs) {
        int rows = inputs.size();
        int width = 0;
        for (TransformerInput in : inputs) width = Math.max(width, in.length());
        long[] ids = new long[rows * width];
        long[] mask = new long[rows * width];
        long[] types = new long[rows * width];
        for (int r = 0; r < rows; r++) {
            TransformerInput in = inputs.get(r);
            System.arraycopy(in.ids(), 0, ids, r * width, in.length());
            System.arraycopy(in.typeIds(), 0, types, r * width, in.length());
            Arrays.fill(mask, r * width, r * width + in.length(), 1L);
        }
        return new EncoderBatch(ids, mask, types, new long[] {rows, width});
    }

    /** The inputs' positions, shortest first: batches of neighbours in this order waste little on padding. */
    public static Integer[] lengthOrder(List<TransformerInput> encoded) {
        Integer[] order = new Integer[encoded.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingInt(i -> encoded.get(i).length()));
        return order;
    }

    /**
     * Row {@code row}'s states from a graph output of shape {@code [rows, width, dim]} for this batch, without its
     * padding: {@code length x dim} values, token by token.
     */
    public float[] rowStates(FloatBuffer states, int row, int length, int dim) {
        float[] mine = new float[length * dim];
        states.get(row * width() * dim, mine);
        return mine;
    }

    /** The inputs at positions {@code from} (inclusive) to {@code to} of {@code order}, as one batch. */
    public static EncoderBatch of(List<TransformerInput> encoded, Integer[] order, int from, int to) {
        List<TransformerInput> batch = new ArrayList<>(to - from);
        for (int k = from; k < to; k++) batch.add(encoded.get(order[k]));
        return of(batch);
    }

    /** Runs a graph that takes the encoder's three inputs on this batch; the caller closes the result. */
    public OrtSession.Result run(OrtEnvironment env, OrtSession session) throws OrtException {
        try (OnnxTensor tIds = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                OnnxTensor tMask = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                OnnxTensor tTypes = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape)) {
            return session.run(Map.of("input_ids", tIds, "attention_mask", tMask, "token_type_ids", tTypes));
        }
    }

    /** The number of rows. */
    public int rows() {
        return (int) shape[0];
    }

    /** The padded length of every row. */
    public int width() {
        return (int) shape[1];
    }
}
