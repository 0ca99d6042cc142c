package org.citelens.api;

import org.citelens.index.StatementStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of the HTTP tests: one {@link LiveServer} over the 20-article {@link CorpusIndex} per test class. */
abstract class CorpusServerTest {
    static LiveServer live;
    static StatementStore store;
    static Http http;

    @BeforeAll
    static void startServer() throws Exception {
        live = new LiveServer(CorpusIndex.index());
        store = live.store;
        http = live.http;
    }

    @AfterAll
    static void stopServer() throws Exception {
        live.close();
    }
}
