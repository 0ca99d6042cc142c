package org.citelens.classify;

/** One statement as the encoder reads it: WordPiece ids with [CLS]/[SEP] in place, and their segment ids. */
public record TransformerInput(long[] ids, long[] typeIds) {
    public TransformerInput {
        if (ids.length != typeIds.length) throw new IllegalArgumentException("one segment id per token id");
    }

    public int length() {
        return ids.length;
    }
}
