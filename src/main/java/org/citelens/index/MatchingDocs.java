package org.citelens.index;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * Visits every live document matching a query, segment by segment in index order, without collecting or
 * scoring: the basis of tallies, facets and streaming export, whose memory must not grow with the hit count.
 */
final class MatchingDocs {
    private MatchingDocs() {}

    /** What to do in one segment: returns the per-document action for that segment. */
    interface LeafVisitor {
        DocVisitor forLeaf(LeafReaderContext leaf) throws IOException;
    }

    interface DocVisitor {
        /** @param doc segment-local doc id, increasing within a segment */
        void visit(int doc) throws IOException;

        /** Called once after the segment's last match. */
        default void finish() throws IOException {}
    }

    static void visit(IndexSearcher searcher, Query query, LeafVisitor visitor) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) continue;
            // a Scorer's iterator does not skip deleted documents: replaced statements must not be counted twice
            Bits live = leaf.reader().getLiveDocs();
            DocVisitor docs = visitor.forLeaf(leaf);
            DocIdSetIterator it = scorer.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live == null || live.get(doc)) docs.visit(doc);
            }
            docs.finish();
        }
    }
}
