package org.citelens.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crawler against a hostile site (loopback allowed, every URL in scope by {@code --allow re:.*}): a page
 * and redirects that point at a local file, the cloud metadata address, a private address and the wildcard address
 * get nothing fetched from any of them, the local file is never read, and nothing is written outside the output
 * folder.
 * Measured and explained in docs/reliability.md, "Crawler".
 */
class CrawlerHostileSiteTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(120)
    void aHostileSiteCannotMakeTheCrawlerReadLocalFilesOrReachPrivateAddresses() throws Exception {
        String canaryText = "CANARY-" + UUID.randomUUID();
        Path canary = tmp.resolve("secret").resolve("canary.xml");
        Files.createDirectories(canary.getParent());
        Files.writeString(
                canary,
                "<article><front><article-meta><title-group><article-title>" + canaryText
                        + "</article-title></title-group></article-meta></front></article>");
        String fileUrl = canary.toUri().toString();
        Map<String, String> redirects = Map.of(
                "/to-file",
                fileUrl,
                "/to-metadata",
                "http://169.254.169.254/latest/meta-data/",
                "/to-private",
                "http://10.255.255.1/article.xml",
                "/to-wildcard",
                "http://0.0.0.0:1/article.xml");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String page = "<html><head><meta name=\"citation_xml_url\" content=\"" + fileUrl + "\"></head><body>"
                + "<a href=\"" + fileUrl + "\">file</a> <a href=\"file:///etc/passwd\">passwd</a>"
                + "<a href=\"http://169.254.169.254/latest/meta-data/iam\">metadata</a>"
                + "<a href=\"http://[fe80::1]/x.xml\">link-local v6</a> <a href=\"http://192.168.1.1/x.xml\">router</a>"
                + String.join(
                        " ",
                        redirects.keySet().stream()
                                .map(p -> "<a href=\"" + p + "\">" + p + "</a>")
                                .toList())
                + "</body></html>";
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            if (redirects.containsKey(path)) {
                ex.getResponseHeaders().add("Location", redirects.get(path));
                ex.sendResponseHeaders(302, -1);
            } else if (path.equals("/robots.txt")) {
                ex.sendResponseHeaders(404, -1);
            } else {
                byte[] b = page.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                ex.sendResponseHeaders(200, b.length);
                ex.getResponseBody().write(b);
            }
            ex.close();
        });
        server.start();
        Path out = tmp.resolve("out");
        try {
            Map<String, String> settings = CrawlerTest.testSettings();
            settings.put("crawl.max-depth", "2");
            String seed = "http://127.0.0.1:" + server.getAddress().getPort() + "/index.html";
            try (var err = new java.io.PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)) {
                new Crawler(CrawlConfig.load(settings), List.of(seed), List.of("re:.*"), out, err).run();
            }
        } finally {
            server.stop(0);
        }
        CrawlResults results = new CrawlResults(out);
        results.finalEntries()
                .values()
                .forEach(e -> System.out.printf("hostile site: %s -> %s (%s)%n", e.url(), e.outcome(), e.reason()));
        for (String target : List.of(
                "http://169.254.169.254/latest/meta-data/",
                "http://169.254.169.254/latest/meta-data/iam",
                "http://10.255.255.1/article.xml",
                "http://192.168.1.1/x.xml")) {
            FetchLogEntry e = results.finalEntries().get(target);
            if (e == null) continue; // not even queued
            assertFalse(read(e), target);
            assertTrue(
                    e.reason() != null
                            && (e.reason().contains("private") || e.reason().contains("link-local")),
                    target + " refused by address, not by a failed connection: " + e.reason());
        }
        for (FetchLogEntry e : results.log) {
            if (e.url().startsWith("file:")) {
                assertFalse(read(e), "a web page made the crawler read " + e.url());
            }
        }
        try (Stream<Path> all = Files.walk(tmp)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                if (p.equals(canary)) continue;
                assertTrue(p.startsWith(out), "written outside the output folder: " + p);
                assertFalse(
                        Files.readString(p, StandardCharsets.ISO_8859_1).contains(canaryText),
                        "canary copied into " + p);
            }
        }
        assertEquals(
                1,
                results.log.stream()
                        .filter(CrawlerHostileSiteTest::read)
                        .map(FetchLogEntry::url)
                        .distinct()
                        .count(),
                "only the hostile page itself is fetched");
    }

    /** A body was read: stored, a duplicate of one stored, or read for its links. */
    private static boolean read(FetchLogEntry e) {
        return e.outcome() == FetchLogEntry.Outcome.STORED
                || e.outcome() == FetchLogEntry.Outcome.DUPLICATE
                || e.outcome() == FetchLogEntry.Outcome.LINKS_ONLY;
    }
}
