package org.citelens.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawl killed with SIGKILL (twice, mid-crawl) and started again ends with the same store and the same final
 * outcome for every URL as a crawl that ran straight through, and never leaves a half-written article behind.
 */
class CrawlerResumeTest {

    @Test
    void aKilledCrawlResumesToTheSameResult(@TempDir Path tmp) throws Exception {
        Path cleanOut = tmp.resolve("clean");
        int cleanPort;
        try (TestSite site = new TestSite(false)) {
            cleanPort = site.port();
            CrawlerTest.crawl(
                    CrawlerTest.testSettings(),
                    List.of(site.url("/index.html")),
                    cleanOut,
                    new ByteArrayOutputStream());
        }

        Path killedOut = tmp.resolve("killed");
        int killedPort;
        int kills = 0;
        try (TestSite site = new TestSite(false)) {
            killedPort = site.port();
            for (int linesBeforeKill : new int[] {4, 12}) {
                Process p = start(site, killedOut);
                if (waitForLines(killedOut.resolve(Crawler.FETCH_LOG), linesBeforeKill, p)) {
                    p.destroyForcibly();
                    kills++;
                }
                p.waitFor(10, TimeUnit.SECONDS);
                assertNoHalfWrittenArticles(killedOut);
            }
            Process last = start(site, killedOut);
            assertTrue(last.waitFor(40, TimeUnit.SECONDS), "the resumed crawl finishes");
            assertEquals(0, last.exitValue(), new String(last.getErrorStream().readAllBytes()));
        }
        assertEquals(2, kills, "both runs were killed mid-crawl");

        CrawlResults clean = new CrawlResults(cleanOut);
        CrawlResults resumed = new CrawlResults(killedOut);
        assertEquals(portless(clean.store(), cleanPort), portless(resumed.store(), killedPort));
        assertEquals(outcomes(clean, cleanPort), outcomes(resumed, killedPort));
        assertNoHalfWrittenArticles(killedOut);
    }

    /** The crawl in its own JVM, through the command line, so that it can really be killed. */
    private static Process start(TestSite site, Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(
                java,
                "-cp",
                cp,
                "org.citelens.cli.Main",
                "crawl",
                "--seed",
                site.url("/index.html"),
                "--out",
                out.toString(),
                "--delay-ms",
                Long.toString(CrawlerTest.DELAY),
                "--timeout-ms",
                "500",
                "--max-depth",
                "1",
                "--allow-loopback"));
        return new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(
                        out.resolveSibling(out.getFileName() + "-stderr.txt").toFile())
                .start();
    }

    /** True once the fetch log has {@code lines} lines while the process still runs. */
    private static boolean waitForLines(Path log, int lines, Process p) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline && p.isAlive()) {
            if (Files.exists(log) && Files.readAllLines(log).size() >= lines) return true;
            Thread.sleep(10);
        }
        return false;
    }

    /** Every file ingest would read is complete: its name is the hash of its whole content. */
    private static void assertNoHalfWrittenArticles(Path out) throws IOException {
        Path store = out.resolve("store");
        if (!Files.exists(store)) return;
        try (Stream<Path> walk = Files.walk(store)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".part")) continue; // ingest skips these; the next run deletes them
                assertTrue(
                        DocumentStore.sha256(Files.readAllBytes(p)).startsWith(name.substring(0, 24)),
                        "complete: " + p);
            }
        }
    }

    private static Map<String, String> portless(Map<String, String> store, int port) {
        Map<String, String> m = new TreeMap<>();
        store.forEach((k, v) -> m.put(k.replace("_" + port + File.separator, "_PORT" + File.separator), v));
        return m;
    }

    private static Map<String, String> outcomes(CrawlResults r, int port) {
        Map<String, String> m = new TreeMap<>();
        r.finalEntries()
                .forEach((url, e) -> m.put(
                        url.replace(":" + port + "/", ":PORT/"),
                        e.outcome() + " "
                                + (e.reason() == null ? "" : e.reason().replace(":" + port + "/", ":PORT/"))));
        return m;
    }
}
