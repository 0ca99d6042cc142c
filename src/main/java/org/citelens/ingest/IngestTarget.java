package org.citelens.ingest;

import java.io.IOException;
import java.nio.file.Path;
import org.citelens.index.StatementSink;

/**
 * Where an ingest writes its statements, and how the works registry it resolves against is shared: the local
 * Lucene index folder ({@link #localIndex}) or a SolrCloud collection ({@link SolrIngestTarget}). The registry
 * itself always runs in {@code <work folder>/works}; a shared target fills that folder before and publishes it after.
 */
public interface IngestTarget {
    /** Says where the statements go, for the log. */
    String describe();

    /** Fills {@code worksDir} with the registry the target holds, before the ingest opens it. */
    default void beforeRegistry(Path worksDir) throws IOException {}

    StatementSink openSink(Path workDir) throws IOException;

    /** Publishes the registry in {@code worksDir}, after the ingest closed it. */
    default void afterRegistry(Path worksDir) throws IOException {}

    /** How many statements the target holds once the ingest is done. */
    long statementCount(Path workDir) throws IOException;

    /** The index folder the work folder is: statements, registry and report together, as always. */
    static IngestTarget localIndex() {
        return new LocalIndexTarget();
    }
}
