package org.citelens.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.citelens.model.CitationStatement;
import org.citelens.model.CitedWork;

/**
 * Where ingest writes statements: the local Lucene index ({@link StatementIndexWriter}) or a SolrCloud collection.
 * Thread-safe: ingest workers replace different articles at once.
 */
public interface StatementSink extends Closeable {
    /** Replaces every statement of one citing article with {@code statements} (an empty list removes them). */
    void replaceArticle(String citingArticleId, List<CitationStatement> statements) throws IOException;

    /** Points statements indexed under an old work id at the work it was merged into; returns how many changed. */
    int repoint(Map<String, CitedWork> mergedByOldId) throws IOException;

    /** Writes what is buffered, on up to {@code threads} threads. */
    void flush(int threads) throws IOException, InterruptedException;

    /** Makes everything written so far durable and visible; {@code userData} says how far the ingest got. */
    void commit(Map<String, String> userData) throws IOException;
}
