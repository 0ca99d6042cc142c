package org.citelens.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.citelens.testdata.RepositoryFiles;

/**
 * A small publisher site on loopback for crawler tests: real article files from the shared corpus plus the
 * awkward cases (robots.txt, 503s, redirects, a slow page, a 30 MB page, binary data, another host). Records
 * every request it gets and the most requests it ever had in flight per Host header.
 */
final class TestSite implements AutoCloseable {
    record Request(String host, String path, long at) {}

    static final String PLOS = "plosone__journal.pone.0111303.html";
    static final String HINDAWI = "hindawi__507405.html";
    static final String TEI = "grobid-client-python/0046d83a-edd6-4631-b57c-755cdcce8b7f.tei.xml";
    static final String JATS = "millet/PMC6267058.xml";
    static final String JATS_2 = "millet/PMC5529501.xml";
    static final int BIG_BYTES = 30 * 1024 * 1024;

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> maxInFlight = new ConcurrentHashMap<>();
    private final AtomicInteger flakyCalls = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final boolean withBigPage;
    private byte[] bigGzip;

    TestSite(boolean withBigPage) throws IOException {
        this.withBigPage = withBigPage;
        if (withBigPage) bigGzip(); // built before serving: building it on request would exceed the read timeout
        files.put("plos", Files.readAllBytes(RepositoryFiles.publisherHtml().resolve(PLOS)));
        files.put("hindawi", Files.readAllBytes(RepositoryFiles.publisherHtml().resolve(HINDAWI)));
        files.put("tei", Files.readAllBytes(RepositoryFiles.grobidTei().resolve(TEI)));
        files.put("jats", Files.readAllBytes(corpus().resolve(JATS)));
        files.put("jats2", Files.readAllBytes(corpus().resolve(JATS_2)));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    byte[] file(String key) {
        return files.get(key);
    }

    int maxInFlight(String hostHeader) {
        return maxInFlight.getOrDefault(hostHeader, new AtomicInteger()).get();
    }

    long count(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).count();
    }

    private void handle(HttpExchange ex) throws IOException {
        String host = ex.getRequestHeaders().getFirst("Host");
        String path = ex.getRequestURI().getRawPath();
        requests.add(new Request(host, path, System.currentTimeMillis()));
        int now = inFlight.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
        maxInFlight.computeIfAbsent(host, h -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        try {
            route(ex, path);
        } catch (IOException e) {
            // the crawler hung up (slow page past its timeout): nothing to answer
        } finally {
            inFlight.get(host).decrementAndGet();
            ex.close();
        }
    }

    private void route(HttpExchange ex, String path) throws IOException {
        String html = "text/html; charset=utf-8";
        switch (path) {
            case "/robots.txt" ->
                send(
                        ex,
                        200,
                        "text/plain",
                        "User-agent: *\nDisallow: /private/\n\nSitemap: " + url("/sitemaps/index.xml") + "\n");
            case "/index.html" -> send(ex, 200, html, index());
            case "/articles/plos.html", "/articles/plos-copy.html" -> {
                // A hostile file name that must never be used for the stored file.
                ex.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"../../../evil.html\"");
                send(ex, 200, html, files.get("plos"));
            }
            case "/landing.html" -> send(ex, 200, html, landing());
            case "/fulltext/jats.xml" -> send(ex, 200, "application/xml", files.get("jats"));
            // Served as text/plain on purpose: the content, not the header, says it is TEI.
            case "/fulltext/paper.tei.xml" -> send(ex, 200, "text/plain", files.get("tei"));
            case "/fulltext/redirected.xml" -> send(ex, 200, "text/xml", files.get("jats2"));
            case "/flaky.html" -> {
                if (flakyCalls.incrementAndGet() <= 2) {
                    ex.getResponseHeaders().add("Retry-After", "1");
                    send(ex, 503, "text/plain", "busy");
                } else {
                    send(ex, 200, html, files.get("hindawi"));
                }
            }
            case "/r/1" -> redirect(ex, 302, "/r/2");
            case "/r/2" -> redirect(ex, 301, "http://127.0.0.1:" + port() + "/r/3#frag");
            case "/r/3" -> redirect(ex, 307, "../fulltext/redirected.xml");
            case "/slow.html" -> {
                // The crawler hangs up after its read timeout while this handler sleeps on: do not count it as
                // a connection still open.
                inFlight.get(ex.getRequestHeaders().getFirst("Host")).decrementAndGet();
                sleep(3000);
                inFlight.get(ex.getRequestHeaders().getFirst("Host")).incrementAndGet();
                send(ex, 200, html, "<html><body>too late</body></html>");
            }
            case "/big.html" -> sendBig(ex);
            case "/files/data.bin" -> {
                byte[] b = new byte[4096];
                new Random(42).nextBytes(b);
                send(ex, 200, "application/octet-stream", b);
            }
            default -> {
                if (path.startsWith("/sitemaps/") || path.equals("/feed.rss")) {
                    sitemap(ex, path);
                } else if (path.startsWith("/loop/")) {
                    int n = Integer.parseInt(path.substring(6));
                    redirect(ex, 302, "/loop/" + (n + 1));
                } else {
                    send(ex, 404, "text/plain", "not found");
                }
            }
        }
    }

    /**
     * A sitemap index naming a plain and a gzipped sitemap, which list three articles of this site and one page of
     * another host; an RSS feed; a truncated sitemap; and a gzipped sitemap that inflates past a 1 MB cap.
     */
    private void sitemap(HttpExchange ex, String path) throws IOException {
        String xml = "application/xml";
        switch (path) {
            case "/sitemaps/index.xml" ->
                send(ex, 200, xml, """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                      <sitemap><loc>%s</loc></sitemap>
                      <sitemap><loc>%s</loc><lastmod>2026-11-01</lastmod></sitemap>
                    </sitemapindex>""".formatted(url("/sitemaps/pages.xml"), url("/sitemaps/more.xml.gz")));
            case "/sitemaps/pages.xml" ->
                send(
                        ex,
                        200,
                        xml,
                        urlset(
                                url("/articles/plos.html"),
                                url("/fulltext/jats.xml"),
                                "http://localhost:" + port() + "/elsewhere.html"));
            case "/sitemaps/more.xml.gz" ->
                send(ex, 200, "application/x-gzip", gzip(urlset(url("/fulltext/paper.tei.xml"))));
            case "/sitemaps/broken.xml" ->
                send(
                        ex,
                        200,
                        xml,
                        "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/"
                                + "schemas/sitemap/0.9\"><url><loc>" + url("/articles/plos.html")
                                + "</loc></url><url><loc>http://");
            case "/sitemaps/bomb.xml.gz" ->
                send(
                        ex,
                        200,
                        "application/gzip",
                        gzip(urlset(url("/articles/plos.html"))
                                .replace("<url>", " ".repeat(2 * 1024 * 1024) + "<url>")));
            case "/feed.rss" ->
                send(ex, 200, "application/rss+xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0"><channel><title>Test journal: new articles</title><link>%s</link>
                      <item><title>A redirected JATS article</title><link>%s</link></item>
                    </channel></rss>""".formatted(
                                url("/index.html"), url("/fulltext/redirected.xml")));
            default -> send(ex, 404, "text/plain", "not found");
        }
    }

    private static String urlset(String... locs) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String loc : locs) sb.append("  <url><loc>").append(loc).append("</loc></url>\n");
        return sb.append("</urlset>\n").toString();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private String index() {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head><title>Test journal</title></head><body><ul>");
        for (String href : List.of(
                "/articles/plos.html",
                "/articles/plos-copy.html",
                "/landing.html",
                "/private/secret.html",
                "/flaky.html",
                "/r/1",
                "/loop/1",
                "/slow.html",
                "/files/data.bin",
                "http://localhost:" + port() + "/other.html",
                "../../../../etc/passwd",
                "/%2e%2e/%2e%2e/evil.xml",
                "/articles/plos.html#section2",
                "mailto:editor@example.org")) {
            sb.append("<li><a href=\"").append(href).append("\">link</a></li>");
        }
        if (withBigPage) sb.append("<li><a href=\"/big.html\">big</a></li>");
        return sb.append("</ul></body></html>").toString();
    }

    private static String landing() {
        return """
                <!DOCTYPE html><html><head><title>Landing</title>
                <meta name="citation_title" content="A landing page with full-text links">
                <meta name="citation_xml_url" content="/fulltext/jats.xml">
                <meta name="citation_pdf_url" content="/fulltext/paper.pdf">
                <link rel="alternate" type="application/tei+xml" href="/fulltext/paper.tei.xml">
                </head><body><h1>Landing</h1><h2>References</h2><ol><li>One.</li></ol></body></html>""";
    }

    private void sendBig(HttpExchange ex) throws IOException {
        String accept = ex.getRequestHeaders().getFirst("Accept-Encoding");
        if (accept == null || !accept.contains("gzip")) throw new IOException("test expects gzip support");
        ex.getResponseHeaders().add("Content-Encoding", "gzip");
        send(ex, 200, "text/html", bigGzip());
    }

    /** 30 MB of HTML article, gzipped (about 100 kB on the wire). */
    synchronized byte[] bigGzip() throws IOException {
        if (bigGzip == null) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                String head = "<!DOCTYPE html><html><head><meta name=\"citation_title\" content=\"Big\"></head><body>";
                gz.write(head.getBytes(StandardCharsets.UTF_8));
                byte[] sentence =
                        "Citation statements are sentences that cite a paper [1]. ".getBytes(StandardCharsets.UTF_8);
                int written = head.length();
                while (written < BIG_BYTES - 100) {
                    if (written % (1 << 20) < sentence.length) gz.write("</p><p>".getBytes(StandardCharsets.UTF_8));
                    gz.write(sentence);
                    written += sentence.length;
                }
                gz.write("</p></body></html>".getBytes(StandardCharsets.UTF_8));
            }
            bigGzip = bytes.toByteArray();
        }
        return bigGzip;
    }

    private static void redirect(HttpExchange ex, int status, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        send(ex, status, "text/plain", "moved");
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        send(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    static Path corpus() {
        return RepositoryFiles.corpus();
    }
}
