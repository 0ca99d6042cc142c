package org.citelens.classify;

import java.util.Arrays;

/** One statement as the encoder reads it: WordPiece ids with [CLS]/[SEP] in place, and their segment ids. */
public record TransformerInput(long[] ids, long[] typeIds) {
    public TransformerInput {
        if (ids.length != typeIds.length) throw new IllegalArgumentException("one segment id per token id");
    }

    public int length() {
        return ids.length;
    }

    /** By content (a record of arrays would compare the arrays' identities), so equal inputs can be scored once. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TransformerInput t && Arrays.equals(ids, t.ids) && Arrays.equals(typeIds, t.typeIds);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + Arrays.hashCode(typeIds);
    }

    @Override
    public String toString() {
        return "TransformerInput" + Arrays.toString(ids);
    }
}
