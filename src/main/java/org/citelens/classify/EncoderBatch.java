package org.citelens.classify;

import java.util.Arrays;
import java.util.List;

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

    /** The padded length of every row. */
    public int width() {
        return (int) shape[1];
    }
}
