package org.citelens.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.citelens.crawl.FetchLogEntry.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crawls the loopback {@link TestSite} once and checks, from the fetch log, the store and the server's own
 * request log, what was fetched, what was skipped and why, and the politeness kept.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrawlerTest {
    static final long DELAY = 150;

    private Path tmp;
    private TestSite site;
    private CrawlResults results;
    private CrawlSummary summary;
    private String stderr;

    static Map<String, String> testSettings() {
        Map<String, String> m = new HashMap<>();
        m.put("politeness.delay.ms", Long.toString(DELAY));
        m.put("fetch.read-timeout.ms", "500");
        m.put("fetch.retry.base.ms", "200");
        m.put("crawl.max-depth", "1");
        m.put("crawl.allow-loopback", "true");
        m.put("progress.interval.ms", "300");
        return m;
    }

    static CrawlSummary crawl(Map<String, String> settings, List<String> seeds, Path out, ByteArrayOutputStream err)
            throws Exception {
        try (PrintStream ps = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            return new Crawler(CrawlConfig.load(settings), seeds, List.of(), out, ps).run();
        }
    }

    @BeforeAll
    void crawlTheSite(@TempDir Path dir) throws Exception {
        tmp = dir;
        site = new TestSite(true);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        summary = crawl(testSettings(), List.of(site.url("/index.html")), tmp.resolve("out"), err);
        stderr = err.toString(StandardCharsets.UTF_8);
        results = new CrawlResults(tmp.resolve("out"));
    }

    @AfterAll
    void stop() {
        site.close();
    }

    private Outcome outcome(String path) {
        return results.last(site.url(path)).outcome();
    }

    private String reason(String path) {
        return results.last(site.url(path)).reason();
    }

    @Test
    void storesTheHtmlJatsAndTeiArticles() throws IOException {
        assertEquals(Outcome.LINKS_ONLY, outcome("/index.html"), "an index page is followed, not stored");
        FetchLogEntry plos = results.last(site.url("/articles/plos.html"));
        assertEquals(Outcome.STORED, plos.outcome());
        assertEquals("HTML_ARTICLE", plos.kind());
        assertTrue(plos.file().matches("store/127\\.0\\.0\\.1_" + site.port() + "/[0-9a-f]{24}\\.html"), plos.file());
        assertEquals(
                DocumentStore.sha256(site.file("plos")),
                DocumentStore.sha256(Files.readAllBytes(results.out.resolve(plos.file()))));

        assertEquals(Outcome.STORED, outcome("/landing.html"));
        FetchLogEntry jats = results.last(site.url("/fulltext/jats.xml"));
        assertEquals("JATS", jats.kind(), "found through citation_xml_url");
        assertTrue(jats.file().endsWith(".xml") && !jats.file().endsWith(".tei.xml"));
        FetchLogEntry tei = results.last(site.url("/fulltext/paper.tei.xml"));
        assertEquals("TEI", tei.kind(), "found through <link rel=alternate>, served as text/plain");
        assertTrue(tei.file().endsWith(".tei.xml"));
        assertEquals(Outcome.STORED, outcome("/flaky.html"));
        assertEquals(Outcome.STORED, outcome("/fulltext/redirected.xml"));
        assertEquals(Outcome.STORED, outcome("/big.html"));
        assertEquals(TestSite.BIG_BYTES, results.last(site.url("/big.html")).bytes(), 200);

        assertEquals(Outcome.DUPLICATE, outcome("/articles/plos-copy.html"), "same bytes as plos.html");
        assertEquals(1, site.count("/articles/plos.html"), "#section2 is the same URL as plos.html");
        assertEquals(7, results.store().size(), results.store().toString());
        assertEquals(7, summary.stored());
    }

    @Test
    void skipsWithTheReasonLogged() {
        assertEquals(Outcome.SKIPPED, outcome("/private/secret.html"));
        assertTrue(reason("/private/secret.html").contains("robots.txt"));
        assertEquals(0, site.count("/private/secret.html"));

        assertEquals(Outcome.SKIPPED, outcome("/fulltext/paper.pdf"));
        assertTrue(reason("/fulltext/paper.pdf").contains("PDF"));
        assertEquals(0, site.count("/fulltext/paper.pdf"));

        assertEquals(Outcome.SKIPPED, outcome("/files/data.bin"));
        assertTrue(reason("/files/data.bin").contains("binary"), reason("/files/data.bin"));

        String other = "http://localhost:" + site.port() + "/other.html";
        assertEquals(Outcome.SKIPPED, results.last(other).outcome());
        assertTrue(results.last(other).reason().contains("host localhost not allowed"));
        assertTrue(
                site.requests.stream().noneMatch(r -> r.host().startsWith("localhost")), "other host never contacted");

        assertEquals(Outcome.FETCH_ERROR, outcome("/slow.html"));
        assertTrue(reason("/slow.html").toLowerCase().contains("timed out"), reason("/slow.html"));
        assertEquals(Outcome.FETCH_ERROR, outcome("/etc/passwd"), "../ cannot climb above the root");
    }

    @Test
    void retriesA503HonouringRetryAfter() {
        List<FetchLogEntry> tries = results.all(site.url("/flaky.html"));
        assertEquals(
                List.of(Outcome.RETRY, Outcome.RETRY, Outcome.STORED),
                tries.stream().map(FetchLogEntry::outcome).toList());
        assertEquals(503, tries.get(0).status());
        assertTrue(tries.get(0).reason().contains("Retry-After"), tries.get(0).reason());
        for (int i = 1; i < tries.size(); i++) {
            long gap = tries.get(i).ts() - tries.get(i - 1).ts();
            assertTrue(gap >= 1000, "Retry-After: 1 kept, gap " + gap + " ms");
        }
        assertEquals(3, site.count("/flaky.html"));
    }

    @Test
    void followsRedirectsUpToTheCap() {
        for (String hop : List.of("/r/1", "/r/2", "/r/3")) assertEquals(Outcome.REDIRECTION, outcome(hop), hop);
        assertTrue(reason("/r/3").contains(site.url("/fulltext/redirected.xml")));
        for (int i = 1; i <= 6; i++) assertEquals(Outcome.REDIRECTION, outcome("/loop/" + i), "/loop/" + i);
        assertEquals(Outcome.SKIPPED, outcome("/loop/7"));
        assertTrue(reason("/loop/7").contains("more than 5 redirects"));
        assertEquals(0, site.count("/loop/7"));
    }

    @Test
    void keepsOneConnectionAndTheDelayPerHost() {
        String host = "127.0.0.1:" + site.port();
        assertEquals(1, site.maxInFlight(host));
        List<Long> served = site.requests.stream()
                .filter(r -> r.host().equals(host))
                .map(TestSite.Request::at)
                .sorted()
                .toList();
        assertTrue(served.size() >= 25, "requests: " + served.size());
        for (int i = 1; i < served.size(); i++) {
            assertTrue(
                    served.get(i) - served.get(i - 1) >= DELAY,
                    "server saw requests " + (served.get(i) - served.get(i - 1)) + " ms apart");
        }
        List<Long> logged = results.log.stream()
                .filter(e -> e.status() > 0)
                .map(FetchLogEntry::ts)
                .sorted()
                .toList();
        for (int i = 1; i < logged.size(); i++) {
            assertTrue(
                    logged.get(i) - logged.get(i - 1) >= DELAY,
                    "fetch log starts " + (logged.get(i) - logged.get(i - 1)) + " ms apart");
        }
    }

    @Test
    void writesOnlyInsideItsFolderWithSafeNames() throws IOException {
        try (Stream<Path> all = Files.walk(tmp)) {
            List<Path> outside = all.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(tmp.resolve("out")))
                    .toList();
            assertEquals(List.of(), outside);
        }
        for (Map.Entry<String, String> f : results.store().entrySet()) {
            String name = Path.of(f.getKey()).getFileName().toString();
            assertTrue(name.matches("[0-9a-f]{24}\\.(html|xml|tei\\.xml)"), name);
            assertTrue(f.getValue().startsWith(name.substring(0, 24)), "file name is its content hash: " + name);
        }
        try (Stream<Path> own = Files.list(tmp.resolve("out"))) {
            List<String> names =
                    own.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(
                    List.of(
                            "crawl-journal.jsonl",
                            "crawl-settings.json",
                            "crawl-summary.json",
                            "crawl.lock",
                            "fetch-log.jsonl",
                            "store"),
                    names);
        }
    }

    @Test
    void reportsProgressAndASummaryAndKeepsTheSettingsOffStderr() throws Exception {
        assertTrue(
                Files.readString(results.out.resolve(Crawler.SETTINGS)).matches("(?s).*\"delay\\.ms\" ?: ?150.*"),
                "effective settings kept");
        assertFalse(stderr.contains("crawl: setting "), stderr);
        assertTrue(stderr.matches("(?s).*crawl: \\d+ fetches \\([\\d.]+/s\\).*queue \\d+.*"), "progress line");
        assertTrue(stderr.contains("crawl done in"), stderr);
        assertTrue(Files.exists(results.out.resolve(Crawler.SUMMARY)));
    }

    @Test
    void refusesAPageAboveALoweredCapEvenWhenGzipped() throws Exception {
        Map<String, String> settings = testSettings();
        settings.put("fetch.max-bytes", Integer.toString(10 * 1024 * 1024));
        Path out = tmp.resolve("capped");
        crawl(settings, List.of(site.url("/big.html")), out, new ByteArrayOutputStream());
        FetchLogEntry big = new CrawlResults(out).last(site.url("/big.html"));
        assertEquals(Outcome.SKIPPED, big.outcome());
        assertTrue(big.reason().contains("10485760-byte cap") && big.reason().contains("gzip"), big.reason());
        assertEquals(Map.of(), new CrawlResults(out).store());
    }

    @Test
    void refusesLoopbackUnlessAllowed() throws Exception {
        Map<String, String> settings = testSettings();
        settings.put("crawl.allow-loopback", "false");
        Path out = tmp.resolve("refused");
        int before = site.requests.size();
        crawl(settings, List.of(site.url("/index.html")), out, new ByteArrayOutputStream());
        FetchLogEntry e = new CrawlResults(out).last(site.url("/index.html"));
        assertEquals(Outcome.SKIPPED, e.outcome());
        assertTrue(e.reason().contains("loopback"), e.reason());
        assertEquals(before, site.requests.size(), "not even robots.txt was requested");
    }

    @Test
    void aRerunOfAFinishedCrawlFetchesNothing() throws Exception {
        int before = site.requests.size();
        CrawlSummary again = crawl(
                testSettings(), List.of(site.url("/index.html")), tmp.resolve("out"), new ByteArrayOutputStream());
        assertEquals(0, again.fetches());
        assertEquals(before, site.requests.size());
        assertTrue(again.previouslyDone() > 25, "done: " + again.previouslyDone());
        assertFalse(new ArrayList<>(results.store().keySet()).isEmpty());
    }
}
