package org.citelens.classify;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The encoder's WordPiece tokenizer: HuggingFace's own implementation through DJL, so the ids match the ones the
 * encoder was pretrained with (and the ones the trainer saw: the trainer reads ids written by this class). Ids
 * come without special tokens, truncation or padding; {@link TransformerInputBuilder} assembles them.
 */
public final class EncoderTokenizer implements AutoCloseable {
    /** The BERT-uncased vocabulary and normaliser shared by MiniLM-L6, E5-small and BGE-small. */
    public static final String RESOURCE = "/org/citelens/classify/transformer/tokenizer.json";

    private final HuggingFaceTokenizer tokenizer;

    private EncoderTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** The shipped tokenizer. Thread-safe: the native tokenizer is immutable once built. */
    public static EncoderTokenizer load() {
        try (InputStream in = EncoderTokenizer.class.getResourceAsStream(RESOURCE)) {
            if (in == null)
                throw new IllegalStateException("the tokenizer " + RESOURCE + " is missing from the classpath");
            return new EncoderTokenizer(HuggingFaceTokenizer.newInstance(
                    in, Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tokenizer " + RESOURCE, e);
        }
    }

    /** WordPiece ids of the text, lower-cased and split as BERT-uncased does; "[MASK]" and "[UNK]" stay single ids. */
    public long[] ids(String text) {
        return tokenizer.encode(text, false, false).getIds();
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
