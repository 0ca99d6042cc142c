package org.citelens.ingest;

import java.util.concurrent.atomic.AtomicLong;
import org.citelens.extract.Extraction;

/** What the indexing pass has indexed so far, added to by every worker. */
final class IngestCounts {
    final AtomicLong articles = new AtomicLong();
    final AtomicLong statements = new AtomicLong();
    final AtomicLong markers = new AtomicLong();
    final AtomicLong unlinkedMarkers = new AtomicLong();

    void indexed(Extraction x) {
        articles.incrementAndGet();
        statements.addAndGet(x.statements().size());
        markers.addAndGet(x.markers());
        unlinkedMarkers.addAndGet(x.unlinkedMarkers());
    }
}
