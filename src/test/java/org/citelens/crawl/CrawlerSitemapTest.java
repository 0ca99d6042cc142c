package org.citelens.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.citelens.crawl.FetchLogEntry.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sitemaps, sitemap indexes (plain and gzipped) and RSS feeds lead the crawler to articles no page links to, at the
 * depth of whatever listed them; robots.txt's sitemaps only when asked; broken and oversized sitemaps are logged.
 */
class CrawlerSitemapTest {
    @TempDir
    Path tmp;

    private TestSite site;

    @BeforeEach
    void start() throws Exception {
        site = new TestSite(false);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private CrawlResults crawl(Map<String, String> extra, String... seedPaths) throws Exception {
        return crawl("out", extra, seedPaths);
    }

    private CrawlResults crawl(String outName, Map<String, String> extra, String... seedPaths) throws Exception {
        Map<String, String> settings = CrawlerTest.testSettings();
        settings.put("crawl.max-depth", "0"); // no page links followed: everything fetched came from a sitemap
        settings.putAll(extra);
        List<String> seeds = Arrays.stream(seedPaths).map(site::url).toList();
        CrawlerTest.crawl(settings, seeds, tmp.resolve(outName), new ByteArrayOutputStream());
        return new CrawlResults(tmp.resolve(outName));
    }

    @Test
    void aSitemapIndexLeadsToEveryListedArticle() throws Exception {
        CrawlResults r = crawl(Map.of(), "/sitemaps/index.xml");
        FetchLogEntry index = r.last(site.url("/sitemaps/index.xml"));
        assertEquals(Outcome.LINKS_ONLY, index.outcome());
        assertEquals("SITEMAP", index.kind());
        assertTrue(index.reason().contains("listing 2 sitemaps"), index.reason());
        assertTrue(r.last(site.url("/sitemaps/pages.xml")).reason().contains("listing 3 URLs"));
        FetchLogEntry gz = r.last(site.url("/sitemaps/more.xml.gz"));
        assertEquals(Outcome.LINKS_ONLY, gz.outcome(), gz.reason());
        assertTrue(gz.reason().contains("listing 1 URLs"), gz.reason());

        assertEquals(Outcome.STORED, r.last(site.url("/articles/plos.html")).outcome());
        assertEquals("JATS", r.last(site.url("/fulltext/jats.xml")).kind());
        assertEquals("TEI", r.last(site.url("/fulltext/paper.tei.xml")).kind(), "listed in the gzipped sitemap");
        assertEquals(3, r.store().size(), r.store().toString());

        String elsewhere = "http://localhost:" + site.port() + "/elsewhere.html";
        assertEquals(Outcome.SKIPPED, r.last(elsewhere).outcome(), "a sitemap does not widen the crawl's scope");
        assertTrue(
                r.last(elsewhere).reason().contains("not allowed"),
                r.last(elsewhere).reason());
        assertEquals(0, site.count("/index.html"), "sitemaps are not HTML pages: nothing else was followed");
        assertEquals(1, site.count("/sitemaps/pages.xml"));
    }

    @Test
    void anRssFeedLeadsToItsItems() throws Exception {
        CrawlResults r = crawl(Map.of(), "/feed.rss");
        assertTrue(
                r.last(site.url("/feed.rss")).reason().startsWith("RSS feed"),
                r.last(site.url("/feed.rss")).reason());
        assertEquals(
                Outcome.STORED, r.last(site.url("/fulltext/redirected.xml")).outcome());
    }

    @Test
    void robotsTxtSitemapsAreCrawledOnlyWhenAsked() throws Exception {
        CrawlResults without = crawl(Map.of(), "/fulltext/jats.xml");
        assertEquals(1, without.store().size());
        assertEquals(0, site.count("/sitemaps/index.xml"), "robots.txt names it, but nobody asked");

        CrawlResults with = crawl("out2", Map.of("crawl.robots-sitemaps", "true"), "/fulltext/jats.xml");
        assertEquals(
                Outcome.LINKS_ONLY, with.last(site.url("/sitemaps/index.xml")).outcome());
        assertEquals(Outcome.STORED, with.last(site.url("/articles/plos.html")).outcome());
        assertEquals(
                Outcome.STORED, with.last(site.url("/fulltext/paper.tei.xml")).outcome());
        assertEquals(3, with.store().size(), with.store().toString());
    }

    @Test
    void brokenAndOversizedSitemapsAreLoggedAndTheCrawlGoesOn() throws Exception {
        CrawlResults r = crawl(
                Map.of("fetch.max-bytes", Integer.toString(1024 * 1024)),
                "/sitemaps/bomb.xml.gz",
                "/sitemaps/broken.xml",
                "/fulltext/jats.xml");
        FetchLogEntry bomb = r.last(site.url("/sitemaps/bomb.xml.gz"));
        assertEquals(Outcome.SKIPPED, bomb.outcome());
        assertTrue(
                bomb.reason().startsWith("gzipped sitemap refused: body larger than the 1048576-byte cap"),
                bomb.reason());
        assertEquals(Outcome.STORED, r.last(site.url("/fulltext/jats.xml")).outcome());
        FetchLogEntry broken = r.last(site.url("/sitemaps/broken.xml"));
        assertEquals("SITEMAP", broken.kind(), broken.reason());
        assertEquals(Outcome.SKIPPED, broken.outcome());
        assertTrue(broken.reason().startsWith("unreadable sitemap <urlset>: Failed to parse"), broken.reason());
        assertEquals(0, site.count("/articles/plos.html"), "nothing is taken from a sitemap that does not parse");
    }
}
