package org.citelens.index;

import java.io.Closeable;
import java.io.IOException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * Which citing articles an index's last commit holds statements of, asked of that commit's terms one article at a
 * time (a large index's article ids are never all loaded). Thread-safe: each question walks its own enumerators.
 */
final class IndexedArticles implements Closeable {
    private final DirectoryReader reader;

    private IndexedArticles(DirectoryReader reader) {
        this.reader = reader;
    }

    /** The last commit of {@code directory}; an empty answer for every article when there is none yet. */
    static IndexedArticles open(Directory directory) throws IOException {
        return new IndexedArticles(DirectoryReader.indexExists(directory) ? DirectoryReader.open(directory) : null);
    }

    boolean contains(String citingArticleId) throws IOException {
        if (reader == null) return false;
        BytesRef term = new BytesRef(citingArticleId);
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(StatementSchema.CITING_ARTICLE_ID);
            if (terms != null && terms.iterator().seekExact(term)) return true;
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        if (reader != null) reader.close();
    }
}
