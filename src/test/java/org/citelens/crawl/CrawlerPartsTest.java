package org.citelens.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.citelens.model.SourceFormat;
import org.citelens.parse.ArticleParsers;
import org.citelens.testdata.RepositoryFiles;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crawler's parts on their own: URL rules, address rules, names, logs, content decisions, file seeds. */
class CrawlerPartsTest {
    private final UrlNormalizer n = new UrlNormalizer();

    @Test
    void normalisesUrlsWithoutTouchingTheQuery() {
        assertEquals("http://example.org/a/c?b=2&a=1", n.normalize("HTTP://Example.ORG:80/a/b/../c?b=2&a=1#frag"));
        assertEquals("https://example.org/", n.normalize("https://example.org:443"));
        assertEquals("https://example.org:8443/x", n.normalize("https://example.org:8443/./x"));
        assertEquals(
                "http://example.org/etc/passwd", n.resolve("http://example.org/a/b.html", "../../../../etc/passwd"));
        assertEquals("http://example.org/evil.xml", n.normalize("http://example.org/%2e%2e/%2E%2E/evil.xml"));
        assertEquals("http://example.org/a%20b", n.resolve("http://example.org/", "a b"));
        assertEquals("http://example.org/x", n.normalize("http://user:secret@example.org/x"), "user info dropped");
        assertNull(n.normalize("javascript:alert(1)"));
        assertNull(n.normalize("ftp://example.org/x"));
        assertNull(n.normalize("file://otherhost/etc/passwd"));
        assertEquals("file:///tmp/a.xml", n.normalize("file:///tmp/x/../a.xml"));
    }

    @Test
    void scopeAllowsSeedHostsFileFoldersAndTheThreeKindsOfPattern() {
        UrlScope scope = new UrlScope(
                List.of("https://journals.example.org/index.html", "file:///data/crawl/"),
                List.of("*.plos.org", "https://europepmc.org/api/*/fullTextXML", "re:https?://doi\\.org/10\\.\\d+/.*"));
        assertTrue(scope.check("http://journals.example.org:8080/any").isEmpty(), "seed host, any scheme and port");
        assertTrue(scope.check("https://journals.plos.org/plosone/article").isEmpty());
        assertTrue(scope.check("https://plos.org/").isPresent(), "*.plos.org wants a subdomain");
        assertTrue(scope.check("https://europepmc.org/api/PMC123/fullTextXML").isEmpty());
        assertTrue(scope.check("https://europepmc.org/search").isPresent());
        assertTrue(scope.check("https://doi.org/10.1371/journal.pone.0111303").isEmpty());
        assertTrue(scope.check("file:///data/crawl/sub/a.xml").isEmpty());
        assertTrue(scope.check("file:///data/other.xml").isPresent());
        assertTrue(scope.check("http://evil.example.com/").isPresent());
        assertThrows(IllegalArgumentException.class, () -> new UrlScope(List.of(), List.of("re:(")));
    }

    @Test
    void urlRulesChainInOrderAndSayWhichRuleRefused() {
        List<String> asked = new ArrayList<>();
        UrlRule address = url -> {
            asked.add("address");
            return url.contains("private")
                    ? Optional.of(new UrlRule.Refusal(UrlRule.Kind.ADDRESS, "private"))
                    : Optional.empty();
        };
        UrlRule robots = url -> {
            asked.add("robots");
            return Optional.of(new UrlRule.Refusal(UrlRule.Kind.ROBOTS, "disallowed by robots.txt"));
        };
        UrlRule chain = UrlRule.chain(List.of(address, robots));
        assertEquals(
                UrlRule.Kind.ADDRESS,
                chain.check("http://private.example/").orElseThrow().rule());
        assertEquals(List.of("address"), asked, "a refusal ends the chain: no robots.txt request to a refused address");
        assertEquals(
                new UrlRule.Refusal(UrlRule.Kind.ROBOTS, "disallowed by robots.txt"),
                chain.check("http://example.org/").orElseThrow());
        assertEquals(
                UrlRule.Kind.SCOPE,
                new UrlScope(List.of("https://a.example/"), List.of())
                        .check("https://b.example/")
                        .orElseThrow()
                        .rule());
        assertEquals(
                UrlRule.Kind.ADDRESS,
                new AddressGuard(false, false)
                        .check("http://127.0.0.1/x")
                        .orElseThrow()
                        .rule());
    }

    @Test
    void refusesLoopbackPrivateAndLinkLocalUnlessAllowed() throws Exception {
        AddressGuard strict = new AddressGuard(false, false);
        for (String ip : List.of(
                "127.0.0.1",
                "10.1.2.3",
                "192.168.0.1",
                "172.16.5.5",
                "169.254.169.254",
                "100.64.0.1",
                "0.0.0.0",
                "::1",
                "fe80::1",
                "fd00::1")) {
            assertNotNull(strict.rejection(InetAddress.getByName(ip)), ip);
        }
        assertNull(strict.rejection(InetAddress.getByName("8.8.8.8")));
        assertNull(strict.rejection(InetAddress.getByName("2001:4860:4860::8888")));
        AddressGuard loopback = new AddressGuard(true, false);
        assertNull(loopback.rejection(InetAddress.getByName("127.0.0.1")));
        assertNotNull(
                loopback.rejection(InetAddress.getByName("169.254.169.254")), "loopback permission is not private");
        assertNull(new AddressGuard(false, true).rejection(InetAddress.getByName("10.1.2.3")));
        assertTrue(strict.check("http://localhost/").orElseThrow().reason().contains("loopback"));
    }

    @Test
    void readsRetryAfterInSecondsOrAsADate() {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        assertEquals(120_000, RetryAfter.millis("120", now).getAsLong());
        assertEquals(
                30_000, RetryAfter.millis("Wed, 01 Jan 2025 00:00:30 GMT", now).getAsLong());
        assertEquals(0, RetryAfter.millis("Tue, 31 Dec 2024 23:00:00 GMT", now).getAsLong());
        assertTrue(RetryAfter.millis("soon", now).isEmpty());
        assertTrue(RetryAfter.millis(null, now).isEmpty());
    }

    @Test
    void hostileHostNamesStayInsideTheStore(@TempDir Path tmp) throws Exception {
        DocumentStore store = new DocumentStore(tmp.resolve("out"));
        String sha = DocumentStore.sha256("x".getBytes(StandardCharsets.UTF_8));
        for (String host : List.of(
                "..", ".", "../../etc", "a/../../b", "C:\\Windows", "", "host:80", "ex\u0000ample", "x".repeat(500))) {
            Path p = store.write(host, sha, ContentKind.JATS, "x".getBytes(StandardCharsets.UTF_8));
            Path abs = tmp.resolve("out").resolve(p).normalize();
            assertTrue(abs.startsWith(store.root()) && !abs.getParent().equals(store.root()), host + " -> " + abs);
            assertFalse(abs.getParent().getFileName().toString().startsWith("."), host + " -> " + abs);
        }
        assertThrows(IllegalArgumentException.class, () -> store.pathFor("h", "../../x", ContentKind.JATS));
    }

    @Test
    void cutsATornLastLineAndKeepsAppending(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("j.jsonl");
        Files.writeString(file, "{\"url\":\"a\",\"status\":\"FETCHED\"}\n{\"url\":\"b\",\"status\":\"DISCO");
        try (JsonLinesFile j = new JsonLinesFile(file)) {
            assertTrue(j.tornBytes() > 0);
            j.append(JournalEntry.discovered("c", 0, 0, 1), true);
            List<String> urls = new ArrayList<>();
            assertEquals(0, j.replay(JournalEntry.class, e -> urls.add(e.url())));
            assertEquals(List.of("a", "c"), urls);
        }
    }

    /**
     * The crawler stores a body under its kind's extension and ingest reads that file: both must call the same
     * bytes the same format, including the cases their rules once disagreed on (UTF-16, control characters, an
     * HTML5 {@code <article>} fragment, a namespaced TEI root, binary signatures).
     */
    @Test
    void storesOnlyWhatIngestReadsTheSameWay() throws Exception {
        ResponseClassifier s = new ResponseClassifier();
        ArticleParsers ingest = new ArticleParsers();
        String jats = Files.readString(TestSite.corpus().resolve(TestSite.JATS));
        List<byte[]> bodies = List.of(
                jats.getBytes(StandardCharsets.UTF_8),
                withBom(jats.getBytes(StandardCharsets.UTF_16LE)),
                "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/></TEI>".getBytes(StandardCharsets.UTF_8),
                "<text xmlns=\"http://www.tei-c.org/ns/1.0\"><body/></text>".getBytes(StandardCharsets.UTF_8),
                "<!DOCTYPE html><html><head><title>t</title></head><body><p>x</p></body></html>"
                        .getBytes(StandardCharsets.UTF_8),
                "<article><h1>An HTML5 fragment</h1><p>no JATS front matter</p></article>"
                        .getBytes(StandardCharsets.UTF_8),
                "<catalog><item/></catalog>".getBytes(StandardCharsets.UTF_8),
                "plain text, no markup".getBytes(StandardCharsets.UTF_8),
                "<html>\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f</html>"
                        .getBytes(StandardCharsets.UTF_8),
                "%PDF-1.7\n<html></html>".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '<', 'h', 't', 'm', 'l', '>'});
        for (byte[] body : bodies) {
            for (String type : new String[] {null, "text/html", "application/xml", "text/plain"}) {
                ContentKind kind = s.sniff(type, body).kind();
                String what =
                        new String(body, 0, Math.min(body.length, 40), StandardCharsets.ISO_8859_1) + " as " + type;
                SourceFormat expected =
                        switch (kind) {
                            case JATS -> SourceFormat.JATS;
                            case TEI -> SourceFormat.TEI;
                            case HTML_PAGE, HTML_ARTICLE -> SourceFormat.HTML;
                            case SITEMAP, OTHER -> SourceFormat.UNKNOWN;
                        };
                // a stored body is read under its kind's extension (an HTML page is stored when it is an article
                // page, as .html); a skipped one must hold no article by its content alone
                String storedAs = kind == ContentKind.HTML_PAGE
                        ? "stored" + ContentKind.HTML_ARTICLE.extension()
                        : kind.stored() ? "stored" + kind.extension() : null;
                assertEquals(expected, ingest.detect(body, storedAs), what);
            }
        }
    }

    private static byte[] withBom(byte[] utf16le) {
        byte[] out = new byte[utf16le.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(utf16le, 0, out, 2, utf16le.length);
        return out;
    }

    @Test
    void decidesContentFromHeaderAndBody() throws Exception {
        ResponseClassifier s = new ResponseClassifier();
        byte[] jats = Files.readAllBytes(TestSite.corpus().resolve(TestSite.JATS));
        byte[] tei = Files.readAllBytes(RepositoryFiles.grobidTei().resolve(TestSite.TEI));
        byte[] html = Files.readAllBytes(RepositoryFiles.publisherHtml().resolve(TestSite.PLOS));
        assertEquals(ContentKind.JATS, s.sniff("application/octet-stream", jats).kind());
        assertEquals(ContentKind.TEI, s.sniff("text/plain", tei).kind());
        assertEquals(ContentKind.HTML_PAGE, s.sniff("text/html", html).kind());
        assertTrue(s.isArticlePage(Jsoup.parse(new String(html, StandardCharsets.UTF_8))));
        assertFalse(s.isArticlePage(Jsoup.parse("<html><body><a href=a.html>a</a></body></html>")));
        assertEquals(ContentKind.OTHER, s.sniff("application/pdf", html).kind(), "a PDF header rules the body out");
        assertEquals(
                ContentKind.OTHER,
                s.sniff(null, "%PDF-1.7\n...".getBytes(StandardCharsets.UTF_8)).kind());
        // sitemaps and feeds are lists of URLs to follow, whatever the declared type
        assertEquals(
                ContentKind.SITEMAP,
                s.sniff("application/xml", "<rss><channel/></rss>".getBytes(StandardCharsets.UTF_8))
                        .kind());
        assertEquals(
                ContentKind.SITEMAP,
                s.sniff(
                                "text/plain",
                                ("<?xml version=\"1.0\"?>\n<urlset xmlns=\"http://www.sitemaps.org/"
                                                + "schemas/sitemap/0.9\"/>")
                                        .getBytes(StandardCharsets.UTF_8))
                        .kind());
        assertEquals(
                ContentKind.SITEMAP,
                s.sniff(
                                "application/atom+xml",
                                "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry/></feed>"
                                        .getBytes(StandardCharsets.UTF_8))
                        .kind());
        assertEquals(
                ContentKind.OTHER,
                s.sniff("application/xml", "<feed><item/></feed>".getBytes(StandardCharsets.UTF_8))
                        .kind(),
                "a <feed> that is not Atom");
        assertEquals(
                ContentKind.OTHER,
                s.sniff("application/xml", "<catalog/>".getBytes(StandardCharsets.UTF_8))
                        .kind());
    }

    @Test
    void extractsFullTextLinksFromMetaTagsAndAnchors() {
        String page = """
                <html><head><meta name="citation_xml_url" content="/a.xml">
                <meta name="citation_fulltext_html_url" content="https://example.org/full">
                <meta name="citation_pdf_url" content="/a.pdf">
                <link rel="alternate" type="application/rss+xml" href="/feed">
                <link rel="alternate" type="application/xml" href="/b.nxml"></head>
                <body><a href="/c.html#x">c</a><a href="#local">skip</a><a href="/d.xml">d</a><a href="/a.pdf">pdf</a></body></html>""";
        List<LinkExtractor.Link> links =
                new LinkExtractor(n).extract(Jsoup.parse(page, "https://example.org/p"), "https://example.org/p");
        assertEquals(
                List.of(
                        new LinkExtractor.Link("https://example.org/a.xml", LinkExtractor.Kind.FULLTEXT),
                        new LinkExtractor.Link("https://example.org/full", LinkExtractor.Kind.FULLTEXT),
                        new LinkExtractor.Link("https://example.org/a.pdf", LinkExtractor.Kind.BINARY),
                        new LinkExtractor.Link("https://example.org/b.nxml", LinkExtractor.Kind.FULLTEXT),
                        new LinkExtractor.Link("https://example.org/c.html", LinkExtractor.Kind.ORDINARY),
                        new LinkExtractor.Link("https://example.org/d.xml", LinkExtractor.Kind.FULLTEXT)),
                links);
    }

    @Test
    void crawlsAFolderSeedAndResumesOverLeftovers(@TempDir Path tmp) throws Exception {
        Path src = tmp.resolve("src");
        Files.createDirectories(src.resolve("sub"));
        Path html = RepositoryFiles.publisherHtml();
        Files.copy(html.resolve(TestSite.PLOS), src.resolve("..evil.html"));
        Files.copy(html.resolve(TestSite.HINDAWI), src.resolve("sub").resolve("%2e%2e%2fx.htm"));
        Files.copy(TestSite.corpus().resolve(TestSite.JATS), src.resolve("a b.xml"));
        Files.writeString(src.resolve("notes.txt"), "plain text, not an article");
        Files.createSymbolicLink(
                src.resolve("link.xml"),
                TestSite.corpus().resolve(TestSite.JATS_2).toAbsolutePath());
        Path out = tmp.resolve("out");
        CrawlSummary first = CrawlerTest.crawl(Map.of(), List.of(src.toString()), out, new ByteArrayOutputStream());
        assertEquals(3, first.stored(), "the symbolic link is not followed out of the folder");
        CrawlResults r = new CrawlResults(out);
        FetchLogEntry notes =
                r.last(n.normalize(src.resolve("notes.txt").toUri().toString()));
        assertEquals(FetchLogEntry.Outcome.SKIPPED, notes.outcome());
        assertTrue(notes.reason().startsWith("not an article"), notes.reason());
        assertTrue(
                r.store().keySet().stream().allMatch(f -> f.matches("store/local/[0-9a-f]{24}\\.(html|xml)")),
                r.store().toString());

        // A killed run leaves a .part file and half a journal line; the next run cleans up and fetches nothing.
        Files.writeString(out.resolve("store/local/0123.html.part"), "<html><body>half");
        Files.writeString(out.resolve(Crawler.JOURNAL), "{\"url\":\"file:///x\",\"sta", StandardOpenOption.APPEND);
        CrawlSummary again = CrawlerTest.crawl(Map.of(), List.of(src.toString()), out, new ByteArrayOutputStream());
        assertEquals(1, again.stalePartsRemoved());
        assertEquals(0, again.fetches());
        assertEquals(r.store(), new CrawlResults(out).store());
    }

    @Test
    void stopsAtMaxPagesAndContinuesWhenRunAgainWithMore(@TempDir Path tmp) throws Exception {
        Path seed = TestSite.corpus().resolve("millet");
        Path out = tmp.resolve("out");
        Map<String, String> settings = new java.util.HashMap<>(Map.of("crawl.max-pages", "3", "fetch.threads", "1"));
        CrawlSummary first = CrawlerTest.crawl(settings, List.of(seed.toString()), out, new ByteArrayOutputStream());
        assertTrue(first.stoppedAtMaxPages());
        assertEquals(3, first.fetches());
        assertTrue(first.queueLeft() > 0);
        settings.put("crawl.max-pages", "1000");
        CrawlSummary rest = CrawlerTest.crawl(settings, List.of(seed.toString()), out, new ByteArrayOutputStream());
        assertFalse(rest.stoppedAtMaxPages());
        assertEquals(first.queueLeft(), rest.fetches(), "the rest, nothing twice");
        try (var files = Files.list(seed)) {
            assertEquals(
                    files.filter(f -> f.toString().endsWith(".xml")).count(),
                    new CrawlResults(out).store().size());
        }
    }
}
