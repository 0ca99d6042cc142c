package org.citelens.resolve;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;

/**
 * The works Lucene index: candidate retrieval by title words (BM25) and by surname and year, over one document
 * per spelling of a work. Writable while ingest runs (near-real-time searcher over the writer), read-only for the
 * server. Hits come back as ordinals into the {@link WorkStore}.
 */
final class CandidateIndex implements Closeable {
    /** Title words beyond this add cost, not recall: titles are short, raw-text queries are not. */
    private static final int MAX_QUERY_WORDS = 40;
    /** Title words a candidate must share with the query (fewer for very short queries). */
    private static final int MIN_SHARED_WORDS = 4;

    private final Directory dir;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final WorkStore store;
    private final Set<String> writtenAliases = new HashSet<>();
    private final Set<String> registeredArticles = new HashSet<>();
    private final Set<String> writtenRegistrations = new HashSet<>();
    private volatile boolean stale;

    /** A hit: the spelling's ordinal and its BM25 score. */
    record Hit(int ord, float score) {}

    private CandidateIndex(Directory dir, IndexWriter writer, SearcherManager searchers, WorkStore store) {
        this.dir = dir;
        this.writer = writer;
        this.searchers = searchers;
        this.store = store;
    }

    /** The index of {@code store}'s spellings in {@code dir}; {@link #load} fills the store from it. */
    static CandidateIndex writable(Directory dir, WorkStore store) throws IOException {
        IndexWriterConfig cfg = new IndexWriterConfig(new WhitespaceAnalyzer());
        cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        IndexWriter writer = new IndexWriter(dir, cfg);
        return new CandidateIndex(dir, writer, new SearcherManager(writer, null), store);
    }

    static CandidateIndex readOnly(Directory dir, WorkStore store) throws IOException {
        return new CandidateIndex(dir, null, new SearcherManager(dir, null), store);
    }

    /** Fills the store from the committed documents, ordinals preserved. */
    synchronized void load() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            List<VariantDocuments.Stored> stored = new ArrayList<>();
            int[] counts = null;
            StoredFields fields = s.getIndexReader().storedFields();
            for (ScoreDoc sd : s.search(
                            new MatchAllDocsQuery(),
                            Math.max(1, s.getIndexReader().maxDoc()))
                    .scoreDocs) {
                Document d = fields.document(sd.doc);
                String registered = VariantDocuments.registeredArticle(d);
                if (registered != null) {
                    registeredArticles.add(registered);
                    writtenRegistrations.add(registered);
                    continue;
                }
                if (VariantDocuments.isCounts(d)) {
                    counts = VariantDocuments.readCounts(d);
                    continue;
                }
                VariantDocuments.Stored v = VariantDocuments.restore(d, store);
                if (v != null) stored.add(v);
            }
            stored.sort(Comparator.comparingInt(VariantDocuments.Stored::ord));
            for (VariantDocuments.Stored v : stored) {
                // an index written before the counts document existed keeps the count on each spelling
                int count = counts != null && v.ord() < counts.length ? counts[v.ord()] : v.count();
                WorkStore.Entry e = store.add(v.workId(), v.variant(), count);
                if (e == null || e.ord != v.ord()) {
                    throw new IOException("works index is inconsistent at spelling " + v.ord() + ": rebuild it");
                }
            }
            writtenAliases.addAll(store.aliases().keySet());
        } finally {
            searchers.release(s);
        }
    }

    /**
     * Records that an article's spellings are being counted; false when it was registered before (in this run or
     * an earlier ingest into the same index), so a re-ingest does not count its references twice.
     */
    synchronized boolean markRegistered(String articleId) {
        return registeredArticles.add(articleId);
    }

    /** Spellings whose title words best match, optionally only those of works with a DOI. */
    List<Hit> byTitle(List<String> words, boolean doiOnly, int limit) throws IOException {
        return byTitle(words, doiOnly, doiOnly, limit);
    }

    private List<Hit> byTitle(List<String> words, boolean doiOnly, boolean minimumMatch, int limit) throws IOException {
        if (words.isEmpty()) return List.of();
        BooleanQuery.Builder title = new BooleanQuery.Builder();
        LinkedHashSet<String> distinct = new LinkedHashSet<>(words.subList(0, Math.min(words.size(), MAX_QUERY_WORDS)));
        for (String w : distinct) {
            title.add(new TermQuery(new Term(VariantDocuments.TITLE, w)), BooleanClause.Occur.SHOULD);
        }
        // a work sharing one or two common words ("rice", "wheat") is no candidate, and skipping it keeps BM25 cheap
        if (minimumMatch) title.setMinimumNumberShouldMatch(Math.min(MIN_SHARED_WORDS, (distinct.size() + 2) / 3));
        BooleanQuery.Builder q = new BooleanQuery.Builder().add(title.build(), BooleanClause.Occur.MUST);
        if (doiOnly) q.add(new TermQuery(new Term(VariantDocuments.HAS_DOI, "doi")), BooleanClause.Occur.FILTER);
        return search(q.build(), limit);
    }

    /** Spellings with this first-author surname key and a year within {@code tolerance}. */
    List<Hit> bySurnameYear(String surnameKey, int year, int tolerance, int limit) throws IOException {
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(VariantDocuments.SURNAME, surnameKey)), BooleanClause.Occur.FILTER)
                .add(
                        IntField.newRangeQuery(VariantDocuments.YEAR, year - tolerance, year + tolerance),
                        BooleanClause.Occur.FILTER)
                .build();
        return search(q, limit);
    }

    /**
     * Indexes a new spelling at registration, so the work overlaps the parsing of other articles instead of stalling
     * the first search. Its count is kept apart (see {@link #commit}), so the document never has to change.
     */
    void add(WorkStore.Entry e) throws IOException {
        writer.addDocument(VariantDocuments.variant(e));
        stale = true;
    }

    private List<Hit> search(Query q, int limit) throws IOException {
        if (stale) refresh();
        IndexSearcher s = searchers.acquire();
        try {
            ScoreDoc[] docs = s.search(q, limit).scoreDocs;
            List<Hit> hits = new ArrayList<>(docs.length);
            List<LeafReaderContext> leaves = s.getIndexReader().leaves();
            for (ScoreDoc sd : docs) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
                NumericDocValues ords = leaf.reader().getNumericDocValues(VariantDocuments.ORD);
                if (ords != null && ords.advanceExact(sd.doc - leaf.docBase)) {
                    hits.add(new Hit((int) ords.longValue(), sd.score));
                }
            }
            return hits;
        } finally {
            searchers.release(s);
        }
    }

    /**
     * Opens a searcher that sees every spelling written so far. Cleared only once the new searcher is in place: a
     * search running beside the refresh must wait for it, not run on the old searcher (which could miss every
     * spelling registered since and resolve a reference to its key instead of its work).
     */
    private synchronized void refresh() throws IOException {
        if (!stale) return;
        searchers.maybeRefreshBlocking();
        stale = false;
    }

    /**
     * Makes the committed index hold the store's current state: the spellings (written at registration), the keys
     * merged since the last commit, and every spelling's count in one document that replaces the previous one.
     */
    synchronized void commit() throws IOException {
        for (var a : store.aliases().entrySet()) {
            if (writtenAliases.add(a.getKey())) writer.addDocument(VariantDocuments.alias(a.getKey(), a.getValue()));
        }
        for (String a : registeredArticles) {
            if (writtenRegistrations.add(a)) writer.addDocument(VariantDocuments.registered(a));
        }
        writer.updateDocument(VariantDocuments.COUNTS_TERM, VariantDocuments.counts(store.entries()));
        writer.commit();
        stale = true;
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            if (writer != null) writer.close();
            dir.close();
        }
    }
}
