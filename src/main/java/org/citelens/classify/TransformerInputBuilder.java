package org.citelens.classify;

import java.util.Arrays;
import org.citelens.model.SectionType;

/**
 * Turns a statement into encoder input: {@code [CLS] section : sentence [SEP] before [SEP] after [SEP]}, the target
 * marker replaced by {@code [MASK]} and every other marker by {@code [UNK]} (in the neighbours too), so the model
 * reads "the cited work" and "some other work" rather than "[12]". The citing sentence is the first segment and
 * keeps up to {@code sentenceTokens}; the neighbours share what is left of {@code maxTokens}, the sentence before
 * keeping its end and the one after its start, the parts nearest the citation. Training and run time both build
 * inputs here, so they cannot drift apart.
 */
public final class TransformerInputBuilder {
    static final long CLS = 101;
    static final long SEP = 102;
    private static final String TARGET = " [MASK] ";
    private static final String OTHER = " [UNK] ";

    private final EncoderTokenizer tokenizer;
    private final int maxTokens;
    private final int sentenceTokens;

    public TransformerInputBuilder(EncoderTokenizer tokenizer, int maxTokens, int sentenceTokens) {
        if (maxTokens < 16 || sentenceTokens < 8 || sentenceTokens > maxTokens - 4) {
            throw new IllegalArgumentException("need 16 <= maxTokens and 8 <= sentenceTokens <= maxTokens - 4, got "
                    + maxTokens + " and " + sentenceTokens);
        }
        this.tokenizer = tokenizer;
        this.maxTokens = maxTokens;
        this.sentenceTokens = sentenceTokens;
    }

    public TransformerInput build(ClassifierInput input) {
        String sentence =
                MarkerMasker.mask(input).replace(MarkerMasker.TARGET, TARGET).replace(MarkerMasker.OTHER, OTHER);
        long[] first = tokenizer.ids(sectionWords(input.section()) + sentence);
        first = Arrays.copyOf(first, Math.min(first.length, sentenceTokens));
        long[] before = input.before().isBlank() ? new long[0] : tokenizer.ids(maskAll(input.before()));
        long[] after = input.after().isBlank() ? new long[0] : tokenizer.ids(maskAll(input.after()));
        int room = maxTokens - first.length - 2 - (before.length > 0 ? 1 : 0) - (after.length > 0 ? 1 : 0);
        int keepAfter = Math.min(after.length, Math.max(room / 2, room - before.length));
        int keepBefore = Math.min(before.length, room - keepAfter);
        keepAfter = Math.min(after.length, room - keepBefore);
        int n = 2 + first.length + (keepBefore > 0 ? keepBefore + 1 : 0) + (keepAfter > 0 ? keepAfter + 1 : 0);
        long[] ids = new long[n];
        long[] types = new long[n];
        int at = 0;
        ids[at++] = CLS;
        for (long id : first) ids[at++] = id;
        ids[at++] = SEP;
        if (keepBefore > 0) {
            at = segment(ids, types, at, before, before.length - keepBefore, keepBefore);
        }
        if (keepAfter > 0) at = segment(ids, types, at, after, 0, keepAfter);
        return new TransformerInput(ids, types);
    }

    private static int segment(long[] ids, long[] types, int at, long[] part, int from, int count) {
        for (int i = 0; i < count; i++) {
            types[at] = 1;
            ids[at++] = part[from + i];
        }
        types[at] = 1;
        ids[at++] = SEP;
        return at;
    }

    private static String sectionWords(SectionType section) {
        return section == null ? "" : section.wireName() + " : ";
    }

    /** In a neighbouring sentence no marker is the target: every marker found becomes "some other work". */
    private static String maskAll(String text) {
        return MarkerMasker.mask(new ClassifierInput("", text, "", "", java.util.List.of()))
                .replace(MarkerMasker.TARGET, OTHER)
                .replace(MarkerMasker.OTHER, OTHER);
    }
}
