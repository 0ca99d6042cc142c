package org.citelens.ingest;

import java.io.IOException;
import java.nio.file.Path;
import org.citelens.index.LuceneStatementStore;
import org.citelens.index.StatementIndexWriter;
import org.citelens.index.StatementSink;

/** The local Lucene index: statements, works registry and report in one folder. */
final class LocalIndexTarget implements IngestTarget {
    @Override
    public String describe() {
        return "the local index";
    }

    @Override
    public StatementSink openSink(Path workDir) throws IOException {
        return StatementIndexWriter.open(workDir);
    }

    @Override
    public long statementCount(Path workDir) throws IOException {
        try (LuceneStatementStore store = LuceneStatementStore.open(workDir)) {
            return store.statementCount();
        }
    }
}
