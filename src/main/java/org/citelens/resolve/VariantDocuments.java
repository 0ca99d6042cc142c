package org.citelens.resolve;

import java.nio.ByteBuffer;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/**
 * How works are laid out in the works index: one document per spelling of a work (so leave-one-out can hide one
 * spelling and candidate search sees every spelling), and one per merged key. The searchable fields hold the
 * normalised forms; the stored fields hold the originals so the registry is rebuilt exactly on reopen.
 */
final class VariantDocuments {
    static final String TYPE = "type";
    static final String VARIANT = "variant";
    static final String ALIAS = "alias";
    static final String ORD = "ord";
    static final String WORK_ID = "work_id";
    /** "doi" when the spelling carries a DOI, so DOI-only candidate search is a cheap filter. */
    static final String HAS_DOI = "has_doi";
    /** Normalised title words, whitespace-analysed: BM25 over them finds candidates. */
    static final String TITLE = "title";

    static final String SURNAME = "surname";
    static final String YEAR = "year";
    /** The one document holding every spelling's count, replaced at each commit (the spellings never change). */
    static final String COUNTS = "counts";

    static final Term COUNTS_TERM = new Term(TYPE, COUNTS);
    static final String REGISTERED = "registered";
    private static final String ARTICLE = "article";
    private static final String COUNT = "count";
    private static final String FROM_ARTICLE = "from_article";
    private static final String KEY = "key";
    private static final String TARGET = "target";
    private static final String[] STORED = {
        "doi", "pmid", "pmcid", "s_title", "s_surname", "given_names", "journal", "volume", "pages"
    };

    private VariantDocuments() {}

    static Document variant(WorkStore.Entry e) {
        WorkVariant v = e.variant;
        Document d = new Document();
        d.add(new StringField(TYPE, VARIANT, Field.Store.NO));
        d.add(new StoredField(ORD, e.ord));
        d.add(new NumericDocValuesField(ORD, e.ord));
        d.add(new StringField(WORK_ID, e.workId, Field.Store.YES));
        d.add(new StringField(HAS_DOI, v.doi() != null || e.workId.startsWith("doi:") ? "doi" : "key", Field.Store.NO));
        d.add(new TextField(TITLE, v.normalized().fingerprint(), Field.Store.NO));
        if (!v.normalized().surnameKey().isEmpty()) {
            d.add(new StringField(SURNAME, v.normalized().surnameKey(), Field.Store.NO));
        }
        if (v.year() != null) d.add(new IntField(YEAR, v.year(), Field.Store.YES));
        // the count when first written; the counts document has the current one (older indexes have only this)
        d.add(new StoredField(COUNT, e.count));
        d.add(new StoredField(FROM_ARTICLE, v.fromArticle() ? 1 : 0));
        String[] values = {
            v.doi(), v.pmid(), v.pmcid(), v.title(), v.surname(), v.givenNames(), v.journal(), v.volume(), v.pages()
        };
        for (int i = 0; i < STORED.length; i++) {
            if (values[i] != null) d.add(new StoredField(STORED[i], values[i]));
        }
        return d;
    }

    /** Every spelling's count by ordinal, as big-endian ints. */
    static Document counts(List<WorkStore.Entry> entries) {
        ByteBuffer packed = ByteBuffer.allocate(4 * entries.size());
        for (WorkStore.Entry e : entries) packed.putInt(e.count);
        Document d = new Document();
        d.add(new StringField(TYPE, COUNTS, Field.Store.YES));
        d.add(new StoredField(COUNTS, packed.array()));
        return d;
    }

    static boolean isCounts(Document d) {
        return COUNTS.equals(d.get(TYPE));
    }

    static int[] readCounts(Document d) {
        BytesRef bytes = d.getBinaryValue(COUNTS);
        ByteBuffer packed = ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length);
        int[] counts = new int[bytes.length / 4];
        for (int i = 0; i < counts.length; i++) counts[i] = packed.getInt();
        return counts;
    }

    /** Marks an article as registered, so a re-ingest of it does not count its references again. */
    static Document registered(String articleId) {
        Document d = new Document();
        d.add(new StringField(TYPE, REGISTERED, Field.Store.YES));
        d.add(new StoredField(ARTICLE, articleId));
        return d;
    }

    /** The article id of a registration document; null for any other document. */
    static String registeredArticle(Document d) {
        return REGISTERED.equals(d.get(TYPE)) ? d.get(ARTICLE) : null;
    }

    static Document alias(String key, String target) {
        Document d = new Document();
        d.add(new StringField(TYPE, ALIAS, Field.Store.YES));
        d.add(new StoredField(KEY, key));
        d.add(new StoredField(TARGET, target));
        return d;
    }

    /** A stored spelling read back, placed by its ordinal. */
    record Stored(int ord, String workId, WorkVariant variant, int count) {}

    /** Reads a variant document back; null for an alias document, which goes straight into the store. */
    static Stored restore(Document d, WorkStore store) {
        if (ALIAS.equals(d.get(TYPE))) {
            store.alias(d.get(KEY), d.get(TARGET));
            return null;
        }
        IndexableField year = d.getField(YEAR);
        WorkVariant v = WorkVariant.of(
                d.get("doi"),
                d.get("pmid"),
                d.get("pmcid"),
                d.get("s_title"),
                d.get("s_surname"),
                d.get("given_names"),
                year == null ? null : year.numericValue().intValue(),
                d.get("journal"),
                d.get("volume"),
                d.get("pages"),
                d.getField(FROM_ARTICLE).numericValue().intValue() == 1);
        return new Stored(
                d.getField(ORD).numericValue().intValue(),
                d.get(WORK_ID),
                v,
                d.getField(COUNT).numericValue().intValue());
    }
}
