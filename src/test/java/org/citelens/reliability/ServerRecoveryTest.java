package org.citelens.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server and the index: a server keeps answering, without a single error, while an ingest writes
 * into the index it serves, and sees the new statements once the ingest has committed (near-real-time reopen);
 * killed with SIGKILL while serving, it starts again on the same index with no repair step and answers the same.
 * Measured and explained in docs/reliability.md, "The server under load and abuse".
 */
class ServerRecoveryTest {
    private static final Path CORPUS_ROOT = ReliabilityData.corpus();

    @TempDir
    Path tmp;

    @Test
    @Timeout(400)
    void serverAnswersThroughAnIngestSeesItsCommitsAndSurvivesSigkill() throws Exception {
        List<String> names = ReliabilityData.smallestJats(60);
        Path corpus = tmp.resolve("corpus");
        copy(corpus, names.subList(0, 30));
        Path index = tmp.resolve("index");
        assertEquals(0, IngestFuzzTest.ingest(corpus, index).exitCode());
        Map<String, Integer> before = citedCounts(IngestFuzzTest.export(index));
        String busyDoi = mostCited(before);

        try (ServerProcess server = ServerProcess.start(tmp, index)) {
            long served = server.json("/health").get("statements").asLong();
            assertTrue(served > 0, "statements served before the ingest");
            Traffic traffic = new Traffic(server, busyDoi).start(2);
            copy(corpus, names.subList(30, 60));
            assertEquals(0, IngestFuzzTest.ingest(corpus, index).exitCode()); // while the server serves the index
            Map<String, String> statementsAfter = IngestFuzzTest.export(index);
            Map<String, Integer> after = citedCounts(statementsAfter);
            long expected = statementsAfter.size();
            long seen = awaitStatements(server, expected, 30_000);
            traffic.stop();
            assertEquals(expected, seen, "the server sees the ingest's statements without a restart");
            assertEquals(List.of(), traffic.errors(), traffic.requests.get() + " requests during the ingest");
            assertTrue(traffic.requests.get() >= 20, "requests sent during the ingest: " + traffic.requests.get());
            String newDoi = after.keySet().stream()
                    .filter(d -> !before.containsKey(d))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
            assertEquals(
                    (int) after.get(newDoi),
                    server.json("/api/tallies/" + newDoi).get("total").asInt());
            System.out.printf(
                    "server during ingest: %d requests, 0 errors; %d -> %d statements served%n",
                    traffic.requests.get(), served, seen);

            String tallies = server.get("/api/tallies/" + newDoi).body();
            Traffic killed = new Traffic(server, busyDoi).start(2);
            Thread.sleep(500);
            server.kill(); // mid-traffic
            killed.stop();
            try (ServerProcess again = ServerProcess.start(tmp, index)) {
                assertEquals(expected, again.json("/health").get("statements").asLong());
                assertEquals(tallies, again.get("/api/tallies/" + newDoi).body());
                assertEquals(200, again.get("/api/search?q=rice&limit=5").statusCode());
            }
        }
    }

    private static void copy(Path corpus, List<String> names) throws Exception {
        for (String name : names) {
            Path to = corpus.resolve(name);
            Files.createDirectories(to.getParent());
            Files.copy(CORPUS_ROOT.resolve(name), to);
        }
    }

    /** Cited DOI -> statements citing it, from an export. */
    static Map<String, Integer> citedCounts(Map<String, String> statements) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : statements.values()) {
            JsonNode doi = ServerProcess.JSON.readTree(line).get("cited").get("doi");
            if (doi != null && !doi.isNull()) counts.merge(doi.asText(), 1, Integer::sum);
        }
        return counts;
    }

    static String mostCited(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow()
                .getKey();
    }

    private static long awaitStatements(ServerProcess server, long expected, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        long seen = -1;
        while (System.currentTimeMillis() < deadline) {
            seen = server.json("/health").get("statements").asLong();
            if (seen == expected) return seen;
            Thread.sleep(200);
        }
        return seen;
    }

    /** Steady cheap and query traffic from a few threads, every answer checked. */
    static final class Traffic {
        private final ServerProcess server;
        private final String doi;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        final AtomicInteger requests = new AtomicInteger();
        private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

        Traffic(ServerProcess server, String doi) {
            this.server = server;
            this.doi = doi;
        }

        Traffic start(int n) {
            for (int i = 0; i < n; i++) {
                String path = i % 2 == 0 ? "/api/tallies/" + doi : "/api/search?q=rice%20yield&limit=10";
                Thread t = new Thread(
                        () -> {
                            while (running.get()) {
                                try {
                                    HttpResponse<String> r = server.get(path);
                                    requests.incrementAndGet();
                                    if (r.statusCode() != 200 && running.get())
                                        errors.add(path + " -> " + r.statusCode());
                                    Thread.sleep(20);
                                } catch (Exception e) {
                                    if (running.get()) errors.add(path + " -> " + e);
                                }
                            }
                        },
                        "traffic-" + i);
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
            return this;
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) t.join(35_000);
        }

        List<String> errors() {
            return List.copyOf(errors);
        }
    }
}
