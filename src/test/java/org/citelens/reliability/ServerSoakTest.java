package org.citelens.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Soak: mixed traffic (tallies, batch tallies, search with paging, citations, export) at a steady rate
 * against the real server, zero errors, with p99 latency and the server's heap written per window. In the suite
 * it runs 24 seconds in 4-second windows over 60 articles; the long soak is the same test with
 * {@code -Dcitelens.soak.minutes=10} (one-minute windows) and optionally {@code -Dcitelens.soak.index=DIR} (an
 * index built beforehand, e.g. of the whole corpus); see docs/reliability.md. The table also goes to
 * {@code target/soak-report.md}.
 * Measured and explained in docs/reliability.md, "The server under load and abuse".
 */
class ServerSoakTest {
    private static final int RATE_PER_SECOND = Integer.getInteger("citelens.soak.rate", 40);
    private static final String[] TERMS = {
        "rice",
        "yield",
        "wheat",
        "gene expression",
        "drought",
        "millet",
        "protein",
        "\"et al\"",
        "soil AND nitrogen",
        "stress NOT salt",
        "antioxidant",
        "qPCR",
        "genome",
        "flowering"
    };

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 90, unit = TimeUnit.MINUTES)
    void steadyMixedTrafficGetsNoErrorsAndFlatLatencyAndHeap() throws Exception {
        double minutes = Double.parseDouble(System.getProperty("citelens.soak.minutes", "0.4"));
        long windowMillis = minutes >= 2 ? 60_000 : 4_000;
        Path index;
        String prebuilt = System.getProperty("citelens.soak.index");
        if (prebuilt != null && !prebuilt.isBlank()) {
            index = Path.of(prebuilt);
        } else {
            Path corpus = tmp.resolve("corpus");
            ReliabilityData.copySmallestJats(corpus, 60);
            index = tmp.resolve("index");
            assertEquals(0, IngestFuzzTest.ingest(corpus, index).exitCode());
        }
        List<String> dois = topDois(index, 200);
        try (ServerProcess server = ServerProcess.start(tmp, index, "--tally-cache-ms", "0")) {
            Soak soak = new Soak(server, dois, windowMillis);
            soak.run((long) (minutes * 60_000));
            String table = soak.table();
            System.out.println(table);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "soak-report.md"), table);
            assertEquals(
                    List.of(),
                    soak.errors.stream().limit(10).toList(),
                    soak.errors.size() + " errors in " + soak.sent.get() + " requests");
            assertTrue(soak.sent.get() >= minutes * 60 * RATE_PER_SECOND * 0.8, "requests sent: " + soak.sent.get());
        }
    }

    /** The most cited DOIs of the index, so tallies and citations ask for works that exist. */
    private static List<String> topDois(Path index, int n) throws Exception {
        Map<String, Integer> counts = ServerRecoveryTest.citedCounts(IngestFuzzTest.export(index));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Sends the mix at a fixed rate from a pool, and keeps latencies per window and the heap per second. */
    static final class Soak {
        private final ServerProcess server;
        private final List<String> dois;
        private final long windowMillis;
        final AtomicInteger sent = new AtomicInteger();
        final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        private final List<ConcurrentLinkedQueue<Long>> latencies = new ArrayList<>();
        private final List<List<Long>> heap = new ArrayList<>();
        private final List<AtomicInteger> windowErrors = new ArrayList<>();
        private final Random random = new Random(11);
        private long start;

        Soak(ServerProcess server, List<String> dois, long windowMillis) {
            this.server = server;
            this.dois = dois;
            this.windowMillis = windowMillis;
        }

        void run(long millis) throws Exception {
            int windows = (int) Math.max(1, millis / windowMillis);
            for (int w = 0; w < windows; w++) {
                latencies.add(new ConcurrentLinkedQueue<>());
                heap.add(new ArrayList<>());
                windowErrors.add(new AtomicInteger());
            }
            ExecutorService pool = Executors.newFixedThreadPool(16);
            start = System.nanoTime();
            long periodNanos = 1_000_000_000L / RATE_PER_SECOND;
            long next = start;
            long nextHeap = start;
            long end = start + windows * windowMillis * 1_000_000L;
            while (System.nanoTime() < end) {
                long now = System.nanoTime();
                if (now >= nextHeap) {
                    heap.get(window(now, windows)).add(server.heapUsedBytes());
                    nextHeap += 1_000_000_000L;
                }
                if (now < next) {
                    Thread.sleep(Math.max(0, (next - now) / 1_000_000), (int) ((next - now) % 1_000_000));
                    continue;
                }
                String[] req = pick();
                pool.execute(() -> call(req, windows));
                next += periodNanos;
            }
            pool.shutdown();
            pool.awaitTermination(2, TimeUnit.MINUTES);
        }

        private int window(long nanos, int windows) {
            return (int) Math.min(windows - 1, (nanos - start) / 1_000_000 / windowMillis);
        }

        /** {method, path, body}: tallies 45%, batch tallies 10%, search 25% (a third of it paging), citations 15%, export 5%. */
        private synchronized String[] pick() {
            int p = random.nextInt(100);
            String doi = dois.get(random.nextInt(dois.size()));
            if (p < 45) return new String[] {"GET", "/api/tallies/" + doi, null};
            if (p < 55) {
                List<String> batch = new ArrayList<>();
                for (int i = 0; i < 50; i++) batch.add("\"" + dois.get(random.nextInt(dois.size())) + "\"");
                return new String[] {"POST", "/api/tallies", "[" + String.join(",", batch) + "]"};
            }
            if (p < 80) {
                String q = URLEncoder.encode(TERMS[random.nextInt(TERMS.length)], StandardCharsets.UTF_8);
                return new String[] {"GET", "/api/search?q=" + q + "&limit=" + (p < 72 ? 20 : 200), "page"};
            }
            if (p < 95) return new String[] {"GET", "/api/citations/" + doi + "?limit=50", null};
            return new String[] {"GET", "/api/export?format=" + (p % 2 == 0 ? "csv" : "jsonl") + "&cited=" + doi, null};
        }

        private void call(String[] req, int windows) {
            long t0 = System.nanoTime();
            try {
                HttpRequest.Builder b =
                        HttpRequest.newBuilder(server.uri(req[1])).timeout(Duration.ofSeconds(30));
                if (req[0].equals("POST")) {
                    b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(req[2]));
                }
                HttpResponse<String> r = server.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && "page".equals(req[2])) {
                    String cursor = ServerProcess.JSON
                            .readTree(r.body())
                            .path("nextCursor")
                            .asText(null);
                    if (cursor != null && !cursor.equals("null")) { // deep paging: follow one more page
                        r = server.get(req[1] + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                    }
                }
                if (r.statusCode() != 200) {
                    errors.add(req[1] + " -> " + r.statusCode() + " " + r.body());
                    windowErrors.get(window(t0, windows)).incrementAndGet();
                }
            } catch (Exception e) {
                errors.add(req[1] + " -> " + e);
                windowErrors.get(window(t0, windows)).incrementAndGet();
            }
            long t1 = System.nanoTime();
            sent.incrementAndGet();
            latencies.get(window(t0, windows)).add((t1 - t0) / 1000);
        }

        String table() {
            StringBuilder s = new StringBuilder(String.format(
                    Locale.ROOT,
                    "| window (%d s) | requests | errors | p50 ms | p99 ms | max ms | heap used MB (min / max) |%n"
                            + "|---|---|---|---|---|---|---|%n",
                    windowMillis / 1000));
            for (int w = 0; w < latencies.size(); w++) {
                long[] l = latencies.get(w).stream()
                        .mapToLong(Long::longValue)
                        .sorted()
                        .toArray();
                long hMin =
                        heap.get(w).stream().mapToLong(Long::longValue).min().orElse(-1) >> 20;
                long hMax =
                        heap.get(w).stream().mapToLong(Long::longValue).max().orElse(-1) >> 20;
                s.append(String.format(
                        Locale.ROOT,
                        "| %d | %d | %d | %.1f | %.1f | %.1f | %d / %d |%n",
                        w + 1,
                        l.length,
                        windowErrors.get(w).get(),
                        pct(l, 0.50),
                        pct(l, 0.99),
                        l.length == 0 ? 0 : l[l.length - 1] / 1000.0,
                        hMin,
                        hMax));
            }
            return s.toString();
        }

        private static double pct(long[] sorted, double p) {
            if (sorted.length == 0) return 0;
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1000.0;
        }
    }
}
