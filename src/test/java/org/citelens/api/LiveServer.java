package org.citelens.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.citelens.index.LuceneStatementStore;
import org.citelens.index.StatementStore;
import org.citelens.resolve.PersistentWorksRegistry;
import org.citelens.resolve.WorksRegistries;

/** The server as {@code serve} builds it (statements, works, every route group) on a free loopback port. */
final class LiveServer implements AutoCloseable {
    final StatementStore store;
    final ApiServer server;
    final Http http;
    private final PersistentWorksRegistry works;

    LiveServer(Path index) throws IOException {
        this(index, Curation.none());
    }

    /** With notices and feedback, as {@code serve} builds it with its curation switches. */
    LiveServer(Path index, Curation curation) throws IOException {
        store = LuceneStatementStore.open(index);
        works = WorksRegistries.openReadOnly(index);
        server = new ApiServer(
                        store,
                        ApiConfig.defaults(index, 0)
                                .withHost("127.0.0.1")
                                .withLabelModel(org.citelens.classify.Classifiers.defaultModelName()),
                        List.of(WorksRoutes.group(works, store), ReferenceCheckRoutes.group(works, store)),
                        curation)
                .start();
        http = new Http(server.port());
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() throws IOException {
        server.close();
        works.close();
        store.close();
    }
}
