package org.citelens.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expensive routes cannot starve cheap ones: with every export slot held by a client that does not read
 * (so the export blocks on a full socket) and deep searches hammering the query slots, one more export gets 503
 * with Retry-After at once, and tallies keep answering 200 quickly.
 * Measured and explained in docs/reliability.md, "The server under load and abuse".
 */
class ExpensiveRoutesTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(300)
    void saturatedExportsAndDeepSearchesLeaveTalliesFast() throws Exception {
        Path corpus = tmp.resolve("corpus");
        // about 9,000 statements: a JSON Lines export of ~15 MB, far more than the socket buffers between us hold
        ReliabilityData.copySmallestJats(corpus, 120);
        Path index = tmp.resolve("index");
        assertEquals(0, IngestFuzzTest.ingest(corpus, index).exitCode());
        String doi = ServerRecoveryTest.mostCited(ServerRecoveryTest.citedCounts(IngestFuzzTest.export(index)));
        try (ServerProcess server = ServerProcess.start(tmp, index, "--max-exports", "1", "--max-queries", "2")) {
            // an export whose client never reads (a raw socket with a tiny receive window) holds the only export slot
            Socket held = new Socket();
            held.setReceiveBufferSize(4096);
            held.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port));
            held.getOutputStream()
                    .write(("GET /api/export?format=jsonl HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            byte[] statusLine = held.getInputStream().readNBytes(12);
            assertEquals("HTTP/1.1 200", new String(statusLine, StandardCharsets.US_ASCII));
            Thread.sleep(500); // let the server fill the socket and block
            HttpResponse<String> refused = server.get("/api/export?format=csv");
            assertEquals(503, refused.statusCode(), refused.body());
            assertTrue(refused.headers().firstValue("Retry-After").isPresent(), "Retry-After on the 503");
            assertTrue(refused.body().contains("\"error\""), refused.body());

            AtomicBoolean running = new AtomicBoolean(true);
            ConcurrentLinkedQueue<Integer> searchStatuses = new ConcurrentLinkedQueue<>();
            List<Thread> searchers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Thread t = new Thread(() -> {
                    while (running.get()) {
                        try {
                            searchStatuses.add(server.get("/api/search?q=the%20OR%20a%20OR%20of&limit=1000")
                                    .statusCode());
                        } catch (Exception e) {
                            searchStatuses.add(-1);
                        }
                    }
                });
                t.setDaemon(true);
                t.start();
                searchers.add(t);
            }
            List<Long> micros = new ArrayList<>();
            List<Integer> tallyStatuses = new ArrayList<>();
            Thread.sleep(300);
            for (int i = 0; i < 200; i++) {
                long t0 = System.nanoTime();
                tallyStatuses.add(server.get("/api/tallies/" + doi).statusCode());
                micros.add((System.nanoTime() - t0) / 1000);
            }
            running.set(false);
            for (Thread t : searchers) t.join(60_000);
            held.close();

            assertTrue(tallyStatuses.stream().allMatch(s -> s == 200), "tallies under saturation: " + tallyStatuses);
            assertFalse(searchStatuses.contains(-1), "searches failed outright");
            assertTrue(
                    searchStatuses.stream().allMatch(s -> s == 200 || s == 503), "search statuses " + searchStatuses);
            long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
            double p50 = sorted[sorted.length / 2] / 1000.0;
            double p99 = sorted[(int) (sorted.length * 0.99) - 1] / 1000.0;
            long shed = searchStatuses.stream().filter(s -> s == 503).count();
            System.out.printf(
                    "saturated: export slot held, extra export 503 + Retry-After %s; %d deep searches (%d shed"
                            + " with 503); 200 tallies all 200, p50 %.1f ms, p99 %.1f ms%n",
                    refused.headers().firstValue("Retry-After").orElse("?"), searchStatuses.size(), shed, p50, p99);
            // generous: the machine is shared; a starved tally would wait for an export (seconds), not milliseconds
            assertTrue(p50 < 250, "tallies median under saturation: " + p50 + " ms");
        }
    }
}
