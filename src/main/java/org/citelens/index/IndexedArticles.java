package org.citelens.index;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/** The citing articles an index's last commit holds statements of: one term per article, read once at open. */
final class IndexedArticles {
    private IndexedArticles() {}

    static Set<String> read(Directory directory) throws IOException {
        Set<String> ids = new HashSet<>();
        if (!DirectoryReader.indexExists(directory)) return ids;
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                Terms terms = leaf.reader().terms(StatementSchema.CITING_ARTICLE_ID);
                if (terms == null) continue;
                TermsEnum e = terms.iterator();
                for (BytesRef t = e.next(); t != null; t = e.next()) ids.add(t.utf8ToString());
            }
        }
        return ids;
    }
}
