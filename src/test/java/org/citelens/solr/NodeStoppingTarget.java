package org.citelens.solr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.citelens.index.StatementSink;
import org.citelens.ingest.IngestTarget;
import org.citelens.model.CitationStatement;
import org.citelens.model.CitedWork;

/**
 * The Solr target, stopping a node (once, in the worker that writes the {@code after}-th article, while the
 * others go on) partway through the ingest: a fault at a known point instead of a race with a timer.
 */
final class NodeStoppingTarget implements IngestTarget {
    interface Stop {
        void run() throws Exception;
    }

    private final IngestTarget target;
    private final int after;
    private final Stop stop;
    final AtomicBoolean stopped = new AtomicBoolean();
    /** Why the stop failed, if it did: the ingest's workers count a thrown article as skipped, so keep it here. */
    final java.util.concurrent.atomic.AtomicReference<Exception> stopFailure =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final AtomicInteger written = new AtomicInteger();

    NodeStoppingTarget(IngestTarget target, int after, Stop stop) {
        this.target = target;
        this.after = after;
        this.stop = stop;
    }

    @Override
    public String describe() {
        return target.describe();
    }

    @Override
    public void beforeRegistry(Path worksDir) throws IOException {
        target.beforeRegistry(worksDir);
    }

    @Override
    public void afterRegistry(Path worksDir) throws IOException {
        target.afterRegistry(worksDir);
    }

    @Override
    public long statementCount(Path workDir) throws IOException {
        return target.statementCount(workDir);
    }

    @Override
    public StatementSink openSink(Path workDir) throws IOException {
        StatementSink sink = target.openSink(workDir);
        return new StatementSink() {
            @Override
            public void replaceArticle(String citingArticleId, List<CitationStatement> statements)
                    throws IOException {
                sink.replaceArticle(citingArticleId, statements);
                if (written.incrementAndGet() == after) {
                    try {
                        stop.run();
                        stopped.set(true);
                    } catch (Exception e) {
                        stopFailure.set(e);
                    }
                }
            }

            @Override
            public int repoint(Map<String, CitedWork> mergedByOldId) throws IOException {
                return sink.repoint(mergedByOldId);
            }

            @Override
            public void flush(int threads) throws IOException, InterruptedException {
                sink.flush(threads);
            }

            @Override
            public void commit(Map<String, String> userData) throws IOException {
                sink.commit(userData);
            }

            @Override
            public void close() throws IOException {
                sink.close();
            }
        };
    }
}
