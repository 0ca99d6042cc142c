package org.citelens.index;

import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FloatField;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.citelens.export.StatementJson;
import org.citelens.model.CitationStatement;
import org.citelens.model.Label;
import org.citelens.model.SectionType;

/**
 * The Lucene schema of a statement document. Every statement is one document; the cited work's metadata
 * travels on it (denormalised), so a page of hits renders from the stored blob alone.
 */
public final class StatementSchema {
    /** Unique key of the statement: KeywordField (exact term for updates and lookups, sorted doc values as the
     *  final tie-break of every sort, so a cursor never depends on Lucene's internal doc ids). */
    public static final String ID = "id";
    /** Exact keys that filter and aggregate: KeywordField gives an indexed term (filters, tallies by term lookup)
     *  and SortedSet doc values (facets, distinct counts, per-DOI grouping without loading stored fields). */
    public static final String CITED_DOI = "citedDoi";

    public static final String CITED_WORK_ID = "citedWorkId";
    public static final String CITING_DOI = "citingDoi";
    /** The citing article's stable id: re-ingest deletes by this term, tallies count distinct values of it. */
    public static final String CITING_ARTICLE_ID = "citingArticleId";

    public static final String LABEL = "label";
    public static final String SECTION = "section";
    /** The citing journal, lower-cased for filtering; the display form is in the blob. */
    public static final String JOURNAL = "journal";
    /** The citing journal as written, doc values only: what the journal facet shows. */
    public static final String JOURNAL_NAME = "journalName";
    /** "true" or "false": a keyword rather than a number because it is only ever filtered and counted. */
    public static final String SELF_CITATION = "selfCitation";
    /** The citing sentence: TextField (BM25 search, English stemming) and the field the highlighter marks. */
    public static final String SENTENCE = "sentence";
    /** The sentences before and after: a separate analysed field so context can be searched on its own
     *  without diluting the relevance of words in the citing sentence itself. */
    public static final String CONTEXT = "context";
    /** Year of the citing article: IntField (points for ranges, sorted numeric doc values for sort and facets). */
    public static final String YEAR = "year";
    /** The name of the model that labelled the statement: KeywordField, so relabel finds what an older model labelled. */
    public static final String LABEL_MODEL = "labelModel";
    /** Classifier confidence: FloatField, whose doc values give the confidence sort. */
    public static final String CONFIDENCE = "confidence";
    /** Everything needed to render the statement, as {@link StatementJson}: one stored field is one read. */
    public static final String JSON = "json";

    private StatementSchema() {}

    /** English stop words and Porter-style stemming: "plants" finds "plant", "tolerances" finds "tolerance". */
    public static Analyzer analyzer() {
        return new EnglishAnalyzer();
    }

    /** Journals are compared without case so "Plant Physiology" and "plant physiology" filter alike. */
    public static String journalKey(String journal) {
        return journal == null ? null : journal.strip().toLowerCase(Locale.ROOT);
    }

    public static Document toDocument(CitationStatement s) {
        Document d = new Document();
        d.add(new KeywordField(ID, s.id(), Field.Store.NO));
        addKeyword(d, CITED_DOI, s.cited().doi());
        addKeyword(d, CITED_WORK_ID, s.cited().workId());
        addKeyword(d, CITING_DOI, s.citing().doi());
        addKeyword(d, CITING_ARTICLE_ID, s.citing().articleId());
        addKeyword(d, LABEL, (s.label() == null ? Label.UNCLASSIFIED : s.label()).wireName());
        addKeyword(d, SECTION, (s.section() == null ? SectionType.OTHER : s.section()).wireName());
        addKeyword(d, JOURNAL, journalKey(s.citing().journal()));
        if (s.citing().journal() != null && !s.citing().journal().isBlank()) {
            d.add(new SortedSetDocValuesField(
                    JOURNAL_NAME, new BytesRef(s.citing().journal().strip())));
        }
        addKeyword(d, SELF_CITATION, Boolean.toString(s.selfCitation()));
        addKeyword(d, LABEL_MODEL, s.labelModel());
        d.add(new TextField(SENTENCE, s.sentence() == null ? "" : s.sentence(), Field.Store.NO));
        d.add(new TextField(CONTEXT, s.before() + "\n" + s.after(), Field.Store.NO));
        if (s.citing().year() != null) d.add(new IntField(YEAR, s.citing().year(), Field.Store.NO));
        d.add(new FloatField(CONFIDENCE, (float) s.confidence(), Field.Store.NO));
        d.add(new StoredField(JSON, StatementJson.toBytes(s)));
        return d;
    }

    private static void addKeyword(Document d, String field, String value) {
        if (value != null && !value.isBlank()) d.add(new KeywordField(field, value, Field.Store.NO));
    }
}
