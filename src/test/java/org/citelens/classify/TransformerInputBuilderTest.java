package org.citelens.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.citelens.model.SectionType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The encoder input: real WordPiece ids from the shipped tokenizer, markers masked, context in segment 1. */
class TransformerInputBuilderTest {
    private static final long MASK = 103;
    private static final long UNK = 100;
    private static EncoderTokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizer = EncoderTokenizer.load();
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void bertUncasedIdsOfAPlainSentence() {
        // [CLS]-less ids of bert-base-uncased: "our" 2256, "results" 3463, "agree" 5993, "." 1012
        assertArrayEquals(new long[] {2256, 3463, 5993, 1012}, tokenizer.ids("Our results agree."));
    }

    @Test
    void targetBecomesMaskAndOtherMarkersUnknown() {
        TransformerInputBuilder b = new TransformerInputBuilder(tokenizer, 128, 80);
        TransformerInput in = b.build(new ClassifierInput(
                "", "Our results agree with [12] but not with [7].", "", "12", List.of("7"), SectionType.DISCUSSION));
        long[] ids = in.ids();
        assertEquals(TransformerInputBuilder.CLS, ids[0]);
        assertEquals(TransformerInputBuilder.SEP, ids[ids.length - 1]);
        assertEquals(1, Arrays.stream(ids).filter(id -> id == MASK).count(), Arrays.toString(ids));
        assertEquals(1, Arrays.stream(ids).filter(id -> id == UNK).count(), Arrays.toString(ids));
        // "discussion :" opens the first segment; no context, so every segment id is 0
        assertArrayEquals(
                tokenizer.ids("discussion :"), Arrays.copyOfRange(ids, 1, 1 + tokenizer.ids("discussion :").length));
        assertTrue(Arrays.stream(in.typeIds()).allMatch(t -> t == 0));
    }

    @Test
    void neighboursFormSegmentOneAndEveryMarkerThereIsAnotherWork() {
        TransformerInputBuilder b = new TransformerInputBuilder(tokenizer, 128, 80);
        TransformerInput in = b.build(new ClassifierInput(
                "Yields fell sharply (Smith et al., 2015).",
                "This agrees with [3].",
                "However, our plants grew.",
                "3",
                List.of(),
                SectionType.RESULTS));
        long[] ids = in.ids();
        int firstSep = indexOf(ids, TransformerInputBuilder.SEP, 0);
        assertEquals(0, in.typeIds()[firstSep]);
        assertEquals(1, in.typeIds()[firstSep + 1]);
        assertEquals(
                3,
                Arrays.stream(ids)
                        .filter(id -> id == TransformerInputBuilder.SEP)
                        .count());
        assertEquals(1, Arrays.stream(ids).filter(id -> id == MASK).count());
        assertEquals(
                1,
                Arrays.stream(ids).filter(id -> id == UNK).count(),
                "the author-year marker before: " + Arrays.toString(ids));
    }

    @Test
    void longInputsKeepTheLengthCapAndTheSentenceShare() {
        String longText = "word ".repeat(300);
        TransformerInputBuilder b = new TransformerInputBuilder(tokenizer, 64, 40);
        TransformerInput in = b.build(
                new ClassifierInput(longText + "end.", longText + "[5].", "start " + longText, "5", List.of(), null));
        assertEquals(64, in.length());
        int firstSep = indexOf(in.ids(), TransformerInputBuilder.SEP, 0);
        assertEquals(41, firstSep, "[CLS] and 40 sentence tokens");
        // the sentence before keeps its end (next to the citation), the sentence after its start
        int secondSep = indexOf(in.ids(), TransformerInputBuilder.SEP, firstSep + 1);
        assertEquals(tokenizer.ids(".")[0], in.ids()[secondSep - 1]);
        assertEquals(tokenizer.ids("start")[0], in.ids()[secondSep + 1]);
    }

    private static int indexOf(long[] a, long v, int from) {
        for (int i = from; i < a.length; i++) if (a[i] == v) return i;
        return -1;
    }
}
