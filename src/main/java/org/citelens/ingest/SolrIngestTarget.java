package org.citelens.ingest;

import java.io.IOException;
import java.nio.file.Path;
import org.citelens.index.StatementSink;
import org.citelens.solr.SolrConnection;
import org.citelens.solr.SolrStatementStore;
import org.citelens.solr.SolrStatementWriter;
import org.citelens.solr.WorksSnapshots;

/**
 * A SolrCloud collection: statements go to the collection, the works registry comes from its works collection
 * before the ingest and goes back as the next generation after it (see {@link WorksSnapshots}). The connection
 * belongs to the caller.
 */
public final class SolrIngestTarget implements IngestTarget {
    private final SolrConnection solr;
    private final WorksSnapshots works;
    private WorksSnapshots.Head startedFrom;

    public SolrIngestTarget(SolrConnection solr) {
        this.solr = solr;
        this.works = new WorksSnapshots(solr);
    }

    @Override
    public String describe() {
        return "Solr collection " + solr.collection() + " at " + String.join(",", solr.urls());
    }

    @Override
    public void beforeRegistry(Path worksDir) throws IOException {
        // the shared registry replaces whatever an earlier run left in the work folder
        if (java.nio.file.Files.exists(worksDir)) {
            try (var files = java.nio.file.Files.walk(worksDir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) java.nio.file.Files.delete(p);
            }
        }
        startedFrom = works.download(worksDir);
    }

    @Override
    public StatementSink openSink(Path workDir) throws IOException {
        return new SolrStatementWriter(solr);
    }

    @Override
    public void afterRegistry(Path worksDir) throws IOException {
        works.publish(worksDir, startedFrom);
    }

    @Override
    public long statementCount(Path workDir) throws IOException {
        return new SolrStatementStore(solr).statementCount();
    }
}
