package org.citelens.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.citelens.index.LuceneStatementStore;
import org.citelens.index.StatementStore;
import org.junit.jupiter.api.Test;

/** Expensive routes cannot take the cheap routes' slots; a client over its rate gets 429 with Retry-After. */
class LoadSheddingTest {
    @Test
    void aFullCostClassAnswers503WithRetryAfterAndLeavesTheOthersFree() throws Exception {
        ConcurrencyGuard guard =
                new ConcurrencyGuard(ApiConfig.defaults(null, 0).withConcurrency(4, 2, 1));
        guard.acquire(RouteCost.EXPORT);
        ApiException busy = assertThrows(ApiException.class, () -> guard.acquire(RouteCost.EXPORT));
        assertEquals(503, busy.status());
        assertEquals("10", busy.headers().get("Retry-After"));
        guard.acquire(RouteCost.CHEAP);
        guard.acquire(RouteCost.QUERY);
        guard.release(RouteCost.CHEAP);
        guard.release(RouteCost.QUERY);
        guard.release(RouteCost.EXPORT);
        guard.acquire(RouteCost.EXPORT);
        guard.release(RouteCost.EXPORT);
    }

    @Test
    void perClientRateLimitAnswers429AsJson() throws Exception {
        try (StatementStore store = LuceneStatementStore.open(CorpusIndex.index());
                ApiServer server = new ApiServer(
                                store,
                                ApiConfig.defaults(null, 0)
                                        .withHost("127.0.0.1")
                                        .withRateLimit(5))
                        .start()) {
            Http http = new Http(server.port());
            List<Http.Reply> replies = new ArrayList<>();
            for (int i = 0; i < 40; i++) replies.add(http.get("/api/tallies/" + CorpusIndex.LIVAK));
            long ok = replies.stream().filter(r -> r.status() == 200).count();
            List<Http.Reply> limited =
                    replies.stream().filter(r -> r.status() == 429).toList();
            assertTrue(
                    ok >= 10 && ok < 40, "a burst of twice the rate passes, then the limit holds: " + ok + " passed");
            assertEquals(40, ok + limited.size());
            assertEquals("1", limited.get(0).header("Retry-After"));
            assertEquals(429, limited.get(0).json().at("/error/status").asInt());
        }
    }
}
