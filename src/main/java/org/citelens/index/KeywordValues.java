package org.citelens.index;

import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;

/** Reads one single-valued keyword or int field of a segment's documents from doc values, in doc id order, as
 * ordinals and ints: the per-hit paths of facets allocate nothing. */
final class KeywordValues {
    private final SortedSetDocValues values;

    KeywordValues(LeafReader reader, String field) throws IOException {
        this.values = DocValues.getSortedSet(reader, field);
    }

    /** The value's ordinal in this segment, or -1 when the document has none. */
    long ord(int doc) throws IOException {
        return values.advanceExact(doc) ? values.nextOrd() : -1;
    }

    String lookup(long ord) throws IOException {
        return values.lookupOrd(ord).utf8ToString();
    }

    long valueCount() {
        return values.getValueCount();
    }

    /** Reads an {@link org.apache.lucene.document.IntField}'s doc values. */
    static final class Ints {
        private final SortedNumericDocValues values;

        Ints(LeafReader reader, String field) throws IOException {
            this.values = DocValues.getSortedNumeric(reader, field);
        }

        /** The value, or {@code missing} when the document has none (no boxing on a per-hit path). */
        int get(int doc, int missing) throws IOException {
            return values.advanceExact(doc) ? (int) values.nextValue() : missing;
        }
    }
}
