package org.citelens.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.citelens.model.CitationStatement;
import org.citelens.model.CitedWork;

/**
 * The write side of the statement index. Thread-safe: ingest workers call {@link #replaceArticle} concurrently.
 * Only one process may write an index at a time (Lucene's write lock says so clearly); readers in other
 * processes see each {@link #commit} through {@link LuceneStatementStore#refresh()}.
 */
public final class StatementIndexWriter implements StatementSink {
    private final Directory directory;
    private final IndexWriter writer;
    /** Articles with statements in the index when it was opened: only these need their old statements deleted. */
    private final IndexedArticles indexedBefore;
    /** Articles added by this writer: a second replace of one of them must delete the first. */
    private final Set<String> addedNow = ConcurrentHashMap.newKeySet();

    private StatementIndexWriter(Directory directory, IndexWriter writer, IndexedArticles indexedBefore) {
        this.directory = directory;
        this.writer = writer;
        this.indexedBefore = indexedBefore;
    }

    /** Opens (or creates) the index in {@code indexDir}, keeping what is already there. */
    public static StatementIndexWriter open(Path indexDir) throws IOException {
        Files.createDirectories(indexDir);
        Directory dir = FSDirectory.open(indexDir);
        IndexWriterConfig config = new IndexWriterConfig(StatementSchema.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                // big enough that a corpus of a few hundred articles flushes a handful of segments, not hundreds
                .setRAMBufferSizeMB(128);
        try {
            IndexedArticles indexedBefore = IndexedArticles.open(dir);
            try {
                return new StatementIndexWriter(dir, new IndexWriter(dir, config), indexedBefore);
            } catch (IOException | RuntimeException e) {
                indexedBefore.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /**
     * Replaces every statement of one citing article with {@code statements}, atomically: a commit holds either
     * the old set or the new one, never a mix or both. Statement ids derive from the citing article's id, so
     * deleting by the article's id is the upsert by statement id for the whole article, and a changed article
     * loses the statements it no longer has. An empty list removes the article's statements. Threads may replace
     * different articles at once, not the same one.
     */
    @Override
    public void replaceArticle(String citingArticleId, List<CitationStatement> statements) throws IOException {
        for (CitationStatement s : statements) {
            if (!citingArticleId.equals(s.citing().articleId())) {
                throw new IllegalArgumentException(
                        "statement " + s.id() + " belongs to " + s.citing().articleId() + ", not " + citingArticleId);
            }
        }
        List<Document> docs = new ArrayList<>(statements.size());
        for (CitationStatement s : statements) docs.add(StatementSchema.toDocument(s));
        // An article new to the index is only added: there is nothing to delete, and a first ingest buffers no
        // deletes at all (whose RAM accounting in Lucene is what trips its netBytes assertion; docs/reliability.md).
        if (!indexedBefore.contains(citingArticleId) && addedNow.add(citingArticleId)) {
            writer.addDocuments(docs);
        } else {
            writer.updateDocuments(new Term(StatementSchema.CITING_ARTICLE_ID, citingArticleId), docs);
        }
    }

    /**
     * Points the statements indexed under an old work id at the work it was merged into (a key that learned its
     * DOI in a later ingest), so tallies by DOI count them. Reads the last commit (call it after committing the
     * ingest) rather than an NRT reader, so it never forces a flush beside the writer's own; commit again when it
     * changed anything.
     *
     * @return how many statements were re-pointed
     */
    @Override
    public int repoint(Map<String, CitedWork> mergedByOldId) throws IOException {
        if (mergedByOldId.isEmpty()) return 0;
        int changed = 0;
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            StoredFields stored = reader.storedFields();
            for (var e : mergedByOldId.entrySet()) {
                if (e.getKey().equals(e.getValue().workId())) continue;
                TermQuery old = new TermQuery(new Term(StatementSchema.CITED_WORK_ID, e.getKey()));
                int n = searcher.count(old);
                if (n == 0) continue;
                for (ScoreDoc sd : searcher.search(old, n).scoreDocs) {
                    upsert(StoredStatements.load(stored, sd.doc).withCited(e.getValue()));
                    changed++;
                }
            }
        }
        return changed;
    }

    /** Upserts one statement by its id (for callers that change a single statement, e.g. a relabel). */
    public void upsert(CitationStatement statement) throws IOException {
        writer.updateDocument(new Term(StatementSchema.ID, statement.id()), StatementSchema.toDocument(statement));
    }

    /**
     * Writes the buffered documents to segments on {@code threads} threads at once. A commit flushes every thread's
     * buffer one after another on the calling thread, which at the end of an ingest left one core idle.
     */
    @Override
    public void flush(int threads) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> flushes = new ArrayList<>(threads);
            for (int i = 0; i < threads; i++) {
                flushes.add(pool.submit(() -> {
                    while (writer.flushNextBuffer()) {
                        // each call takes one buffer no other thread is flushing
                    }
                    return null;
                }));
            }
            for (Future<?> f : flushes) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) throw io;
                    throw new IllegalStateException("flush failed", e.getCause());
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Makes everything written so far durable and visible to readers; {@code userData} is kept with the commit. */
    @Override
    public void commit(Map<String, String> userData) throws IOException {
        writer.setLiveCommitData(userData.entrySet());
        writer.commit();
    }

    public void commit() throws IOException {
        commit(Map.of());
    }

    /** Statements in the index including uncommitted ones (deletes applied lazily, so an upper bound). */
    public long pendingDocs() {
        return writer.getDocStats().numDocs;
    }

    /** Commits and closes. */
    @Override
    public void close() throws IOException {
        try (directory;
                indexedBefore) {
            writer.close();
        }
    }
}
