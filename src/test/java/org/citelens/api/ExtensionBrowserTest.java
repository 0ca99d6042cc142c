package org.citelens.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.citelens.model.Doi;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser clients in Debian's Chromium against the real server over the test index: the unpacked extension
 * ({@code extension/}, loaded with {@code --load-extension} in the new headless mode) on loopback pages written for
 * it, the embeddable badges, and the {@code /check} page. One Chromium session serves every test; screenshots go to
 * target/screenshots/ (the ones in docs/screenshots were copied from there).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final Pattern DOI_IN_PAGE = Pattern.compile("10\\.\\d{4,9}/[^\\s\"'<>]+");

    private static LiveServer live;
    private static HttpServer pages;
    private static ChromeDriver driver;
    private static WebDriverWait wait;
    private static String extensionId;
    private static Path profile;

    @BeforeAll
    static void start() throws Exception {
        Chromium.require();
        Files.createDirectories(SHOTS);
        live = new LiveServer(CorpusIndex.index());
        pages = pageServer();
        profile = Files.createTempDirectory("citelens-chromium");
        String extension = RepositoryFiles.extension().toAbsolutePath().toString();
        driver = Chromium.start(
                profile,
                "--headless=new",
                "--load-extension=" + extension,
                "--disable-extensions-except=" + extension);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        extensionId = wait.until(d -> extensionId(driver));
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) driver.quit();
        if (pages != null) pages.stop(0);
        if (live != null) live.close();
    }

    /** The id Chromium gave the unpacked extension, read from its service worker's URL (null until it runs). */
    @SuppressWarnings("unchecked")
    private static String extensionId(ChromeDriver d) {
        Map<String, Object> targets = d.executeCdpCommand("Target.getTargets", Map.of());
        for (Map<String, Object> t : (List<Map<String, Object>>) targets.get("targetInfos")) {
            String url = String.valueOf(t.get("url"));
            if ("service_worker".equals(t.get("type")) && url.startsWith("chrome-extension://")) {
                return url.substring("chrome-extension://".length(), url.indexOf('/', "chrome-extension://".length()));
            }
        }
        return null;
    }

    @Test
    @Order(1)
    void theOptionsPageChecksTheServerAndSaysWhyItCannotUseIt() throws Exception {
        driver.get("chrome-extension://" + extensionId + "/options.html");
        assertEquals("http://localhost:7070", wait.until(d -> {
            String v = d.findElement(By.id("server")).getAttribute("value");
            return v.isEmpty() ? null : v;
        }), "the default server");

        String unreachable = "http://127.0.0.1:" + closedPort();
        assertEquals("unreachable", checkServer(unreachable));
        assertTrue(statusText().startsWith("Cannot reach " + unreachable), statusText());

        // the page server answers /health without CORS headers, like a proxy that strips them
        assertEquals("cors", checkServer(pageBase()));
        assertTrue(statusText().contains("refuses requests from this extension's origin"), statusText());
        shot("extension-options-refused.png");

        setServer(live.base());
        assertEquals("ok", checkServer(live.base()));
        long statements = live.http.get("/health").json().get("statements").asLong();
        assertEquals(
                "Connected to " + live.base() + ": " + String.format(java.util.Locale.ENGLISH, "%,d", statements)
                        + " citation statements.",
                statusText());
        shot("extension-options.png");
    }

    @Test
    @Order(2)
    void anArticlePageGetsABadgeBesideEveryKnownDoiWithTheApisNumbers() throws Exception {
        Map<String, List<WebElement>> badges = visitAndCheck("article.html", 1);
        assertTrue(badges.size() >= 6, "the page was written with at least six DOIs the test index knows");
        // a link whose text is its DOI gets one badge, not one for the link and one for the text
        assertEquals(1, badges.get("10.1111/j.1744-7348.2009.00348.x").size());
        assertEquals(1, badges.get("10.1006/meth.2001.1262").size(), "the page's own DOI, linked in its author line");
        assertNoSidewaysScroll();
        shot("extension-badges-article.png");
    }

    @Test
    @Order(3)
    void thePopupShowsThePagesOwnArticleAndLinksToItsReport() throws Exception {
        driver.get(pageBase() + "/article.html");
        wait.until(d -> "done".equals(d.findElement(By.tagName("html")).getAttribute("data-citelens")));
        String articleTab = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        driver.get("chrome-extension://" + extensionId + "/options.html");
        Object tabId = driver.executeAsyncScript(
                "const done = arguments[0];"
                        + "chrome.tabs.getCurrent().then(me => chrome.tabs.query({}).then(tabs =>"
                        + " done(tabs.filter(t => t.id !== me.id).map(t => t.id)[0])));");
        driver.get("chrome-extension://" + extensionId + "/popup.html?tab=" + tabId);
        viewport(360, 330);
        wait.until(d -> !d.findElements(By.id("supporting")).isEmpty());
        JsonNode t = live.http.get("/api/tallies/" + CorpusIndex.LIVAK).json();
        assertEquals(CorpusIndex.LIVAK, driver.findElement(By.id("articleDoi")).getText());
        assertEquals(t.get("supporting").asText(), driver.findElement(By.id("supporting")).getText());
        assertEquals(t.get("mentioning").asText(), driver.findElement(By.id("mentioning")).getText());
        assertEquals(t.get("contrasting").asText(), driver.findElement(By.id("contrasting")).getText());
        assertEquals(
                live.base() + "/reports/" + CorpusIndex.LIVAK,
                driver.findElement(By.id("report")).getAttribute("href"));
        assertEquals(
                String.valueOf(knownTallies(doisIn("article.html")).size()),
                driver.findElement(By.id("knownDois")).getText());
        shot("extension-popup.png");
        viewport(1280, 900);
        driver.close();
        driver.switchTo().window(articleTab);
    }

    @Test
    @Order(4)
    void aSearchResultsPageGetsBadgesOnDoisInTextAndPublisherLinks() throws Exception {
        Map<String, List<WebElement>> badges = visitAndCheck("search.html", 1);
        assertTrue(badges.containsKey("10.1073/pnas.0606330103"), "the Scholar-like publisher link /doi/full/...");
        shot("extension-badges-search.png");
    }

    @Test
    @Order(5)
    void aPageWithThousandsOfDoisIsAskedInBatchesOf500AndStaysResponsive() throws Exception {
        // 2,000 distinct DOIs: four requests of at most 500
        Map<String, List<WebElement>> badges = visitAndCheck("many.html", 4);
        assertTrue(badges.size() >= 100, "most hand-typed references' DOIs are known: " + badges.size());
        // the page's own timer ran every 50 ms while the extension worked; its longest gap is how long the page froze
        long longestGap = ((Number) driver.executeScript("return window.longestGap;")).longValue();
        assertTrue(longestGap < 1500, "the page froze for " + longestGap + " ms");
        assertNoSidewaysScroll();
    }

    @Test
    @Order(6)
    void nothingIsSentForAPageWithoutDois() throws Exception {
        long posts = tallyPosts();
        Map<String, List<WebElement>> badges = visit("none.html");
        assertTrue(badges.isEmpty());
        assertEquals(posts, tallyPosts(), "no request for a page without DOIs");
    }

    @Test
    @Order(7)
    void theEmbeddableBadgesRenderTheTalliesOnAnyPage() throws Exception {
        driver.get(pageBase() + "/badge-embed.html");
        wait.until(d -> d.findElements(By.cssSelector("[data-citelens-state=loading]")).isEmpty()
                && d.findElements(By.cssSelector("[data-citelens-state]")).size() == 3);
        JsonNode livak = live.http.get("/api/tallies/" + CorpusIndex.LIVAK).json();
        WebElement script = driver.findElement(By.cssSelector("#livak [data-citelens-doi]"));
        assertEquals("shown", script.getAttribute("data-citelens-state"));
        assertEquals(livak.get("supporting").asText(), script.getAttribute("data-supporting"));
        assertEquals(livak.get("mentioning").asText(), script.getAttribute("data-mentioning"));
        assertEquals(livak.get("contrasting").asText(), script.getAttribute("data-contrasting"));
        SearchContext root = script.getShadowRoot();
        assertEquals(
                live.base() + "/reports/" + CorpusIndex.LIVAK,
                root.findElement(By.cssSelector("a")).getAttribute("href"));
        assertTrue(root.findElement(By.cssSelector("a")).getText().contains(livak.get("mentioning").asText()));
        WebElement span = driver.findElement(By.cssSelector("#reynolds [data-citelens-doi]"));
        JsonNode reynolds = live.http.get("/api/tallies/10.1111/j.1744-7348.2009.00348.x").json();
        assertEquals(reynolds.get("mentioning").asText(), span.getAttribute("data-mentioning"));
        WebElement unknown = driver.findElement(By.cssSelector("#unknown [data-citelens-doi]"));
        assertEquals("unknown", unknown.getAttribute("data-citelens-state"));
        assertEquals(0, unknown.getSize().getWidth(), "no badge for a DOI nothing cites");
        Number svgWidth = (Number) driver.executeScript(
                "const i = document.getElementById('svgBadge'); return i.complete ? i.naturalWidth : -1;");
        assertTrue(svgWidth.intValue() > 100, "the SVG badge loads as an image: " + svgWidth);
        shot("badges-embedded.png");
    }

    @Test
    @Order(8)
    void theCheckPageShowsASortableTableWithACsvDownload() throws Exception {
        List<String> rows = Files.readAllLines(
                RepositoryFiles.dataRoot().resolve("reference-check/handwritten-references.tsv"));
        StringBuilder text = new StringBuilder();
        for (String r : rows.subList(1, 13)) text.append(r.split("\t", 4)[3]).append('\n');
        text.append("Nobody Q, Nowhere Z. An invented title about imaginary rice. J Imagin Res. 2020;1:1-2.\n");
        driver.get(live.base() + "/check");
        WebElement area = driver.findElement(By.id("text"));
        driver.executeScript("arguments[0].value = arguments[1];", area, text.toString());
        driver.findElement(By.id("run")).click();
        wait.until(d -> d.findElements(By.cssSelector("#rows tr")).size() == 13
                && d.findElement(By.id("csv")).getAttribute("href").startsWith("blob:"));
        assertEquals("13", driver.findElement(By.id("nRefs")).getText());
        assertEquals("12", driver.findElement(By.id("nResolved")).getText());
        assertEquals("1", driver.findElement(By.id("nUnresolved")).getText());
        assertEquals(1, driver.findElements(By.cssSelector("#rows tr.unresolved")).size());
        driver.findElement(By.id("contrastingFirst")).click();
        List<Long> contrasting = driver.findElements(By.cssSelector("#rows td.c")).stream()
                .map(e -> e.getText().equals("–") ? -1L : Long.parseLong(e.getText()))
                .toList();
        List<Long> sorted = new ArrayList<>(contrasting);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, contrasting, "most contrasting first");
        driver.findElement(By.cssSelector("#table th[data-key=position]")).click();
        assertEquals("1", driver.findElement(By.cssSelector("#rows tr td.num")).getText());
        shot("check-page.png");
        driver.executeScript("document.getElementById('result').scrollIntoView();");
        shot("check-page-table.png");
    }

    @Test
    @Order(9)
    void aRetractedWorkSaysSoInItsBadge() throws Exception {
        String retracted = "10.1111/j.1744-7348.2009.00348.x";
        try (LiveServer flagged = RetractedWorkServer.start(CorpusIndex.index(), retracted)) {
            driver.get("chrome-extension://" + extensionId + "/options.html");
            setServer(flagged.base());
            Map<String, List<WebElement>> badges = visit("article.html");
            WebElement badge = badges.get(retracted).get(0);
            assertEquals("retraction", badge.getAttribute("data-notice"));
            String text = badge.getShadowRoot().findElement(By.cssSelector("a")).getText();
            assertTrue(text.startsWith("Retracted"), text);
            assertTrue(
                    badge.getShadowRoot()
                            .findElement(By.cssSelector("a"))
                            .getAttribute("title")
                            .startsWith("Citelens: Retracted on 2020-05-04."),
                    "the tooltip says when");
            assertEquals(null, badges.get(CorpusIndex.LIVAK).get(0).getAttribute("data-notice"), "others unflagged");
            shot("extension-badge-retracted.png");
        } finally {
            driver.get("chrome-extension://" + extensionId + "/options.html");
            setServer(live.base());
        }
    }

    // ---- helpers

    /** Opens a test page and waits for the extension to finish; the badges by DOI. */
    private static Map<String, List<WebElement>> visit(String page) {
        driver.get(pageBase() + "/" + page);
        wait.until(d -> "done".equals(d.findElement(By.tagName("html")).getAttribute("data-citelens")));
        Map<String, List<WebElement>> out = new LinkedHashMap<>();
        for (WebElement b : driver.findElements(By.cssSelector(".citelens-badge"))) {
            out.computeIfAbsent(b.getAttribute("data-doi"), k -> new ArrayList<>()).add(b);
        }
        return out;
    }

    /**
     * Opens a test page, checks that the extension asked the server in {@code requests} requests and put badges
     * beside exactly the DOIs the API knows, with the API's numbers and a link to the report; the badges by DOI.
     */
    private static Map<String, List<WebElement>> visitAndCheck(String page, int requests) throws IOException {
        long posts = tallyPosts();
        Map<String, List<WebElement>> badges = visit(page);
        assertEquals(posts + requests, tallyPosts(), "requests to POST /api/tallies for " + page);
        JsonNode known = knownTallies(doisIn(page));
        assertEquals(setOf(known.fieldNames()), badges.keySet(), "badges for exactly the known DOIs of " + page);
        assertBadgesMatch(badges, known);
        return badges;
    }

    private static void assertBadgesMatch(Map<String, List<WebElement>> badges, JsonNode known) {
        for (var e : badges.entrySet()) {
            JsonNode t = known.get(e.getKey());
            for (WebElement b : e.getValue()) {
                assertEquals(t.get("supporting").asText(), b.getAttribute("data-supporting"), e.getKey());
                assertEquals(t.get("mentioning").asText(), b.getAttribute("data-mentioning"), e.getKey());
                assertEquals(t.get("contrasting").asText(), b.getAttribute("data-contrasting"), e.getKey());
                WebElement link = b.getShadowRoot().findElement(By.cssSelector("a"));
                assertEquals(live.base() + "/reports/" + e.getKey(), link.getAttribute("href"));
                assertTrue(link.getText().contains(t.get("mentioning").asText()), link.getText());
                Dimension size = b.getSize();
                assertTrue(size.getHeight() > 0 && size.getHeight() <= 24, "a small inline badge: " + size);
            }
        }
    }

    private static void assertNoSidewaysScroll() {
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(((Number) overflow).longValue() <= 0, "badges widened the page by " + overflow + " px");
    }

    /** The distinct DOIs a test page holds, read from its source with a regular expression (not with our code). */
    private static List<String> doisIn(String page) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = DOI_IN_PAGE.matcher(pageSource(page));
        while (m.find()) Doi.normalize(m.group()).ifPresent(out::add);
        return new ArrayList<>(out);
    }

    /** What the API says of these DOIs (only the known ones), asked in batches like any client. */
    private static JsonNode knownTallies(List<String> dois) throws IOException {
        ObjectMapper json = new ObjectMapper();
        var all = json.createObjectNode();
        for (int i = 0; i < dois.size(); i += 500) {
            Http.Reply r = live.http.post(
                    "/api/tallies", json.writeValueAsString(dois.subList(i, Math.min(dois.size(), i + 500))));
            r.json().get("tallies").properties().forEach(e -> all.set(e.getKey(), e.getValue()));
        }
        return all;
    }

    /** How many POST /api/tallies the server has answered, from its own metrics. */
    private static long tallyPosts() {
        long n = 0;
        for (String line : live.http.get("/metrics").body().split("\n")) {
            if (line.startsWith("citelens_http_requests_total{method=\"POST\",route=\"/api/tallies\"")) {
                n += Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return n;
    }

    private static String checkServer(String url) {
        WebElement box = driver.findElement(By.id("server"));
        box.clear();
        box.sendKeys(url);
        driver.executeScript("document.getElementById('status').removeAttribute('data-kind');");
        driver.findElement(By.id("check")).click();
        return wait.until(d -> d.findElement(By.id("status")).getAttribute("data-kind"));
    }

    private static void setServer(String url) {
        WebElement box = driver.findElement(By.id("server"));
        box.clear();
        box.sendKeys(url);
        driver.findElement(By.id("save")).click();
        wait.until(d -> statusText().startsWith("Saved. Connected"));
    }

    private static String statusText() {
        return driver.findElement(By.id("status")).getText();
    }

    private static int closedPort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void viewport(int width, int height) throws InterruptedException {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        Thread.sleep(200);
    }

    private static void shot(String name) throws IOException {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static <T> Set<T> setOf(java.util.Iterator<T> it) {
        Set<T> s = new LinkedHashSet<>();
        it.forEachRemaining(s::add);
        return s;
    }

    // ---- the loopback site the extension visits

    private static String pageBase() {
        return "http://127.0.0.1:" + pages.getAddress().getPort();
    }

    private static HttpServer pageServer() throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 16);
        s.createContext("/", ExtensionBrowserTest::servePage);
        s.start();
        return s;
    }

    private static void servePage(HttpExchange ex) throws IOException {
        String name = ex.getRequestURI().getPath().substring(1);
        byte[] body;
        int status = 200;
        String type = "text/html; charset=utf-8";
        if (name.equals("health")) {
            body = "{\"status\":\"ok\",\"statements\":1}".getBytes(StandardCharsets.UTF_8); // and no CORS header
            type = "application/json";
        } else {
            try {
                body = pageSource(name).getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                body = "not found".getBytes(StandardCharsets.UTF_8);
                status = 404;
            }
        }
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    private static String pageSource(String name) throws IOException {
        if (name.equals("many.html")) return manyDois();
        if (!name.matches("[a-z-]+\\.html")) throw new IOException("no page " + name);
        try (InputStream in = ExtensionBrowserTest.class.getResourceAsStream("/extension-pages/" + name)) {
            if (in == null) throw new IOException("no page " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{BASE}}", live.base());
        }
    }

    /**
     * 2,000 distinct DOIs in a long reference list: the 119 of the hand-typed references (most known to the test
     * index), the rest made up; with a timer that records the page's longest pause.
     */
    private static String manyDois() throws IOException {
        List<String> rows = Files.readAllLines(
                RepositoryFiles.dataRoot().resolve("reference-check/handwritten-references.tsv"));
        List<String> dois = new ArrayList<>();
        for (String r : rows.subList(1, rows.size())) dois.add(r.split("\t", 2)[0]);
        for (int i = dois.size(); i < 2000; i++) dois.add("10.5555/citelens.test." + i);
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=utf-8><title>2,000 DOIs</title>"
                + "<script>window.longestGap=0;let last=performance.now();setInterval(()=>{const now=performance.now();"
                + "window.longestGap=Math.max(window.longestGap,Math.round(now-last-50));last=now;},50);</script>"
                + "</head><body><h1>A very long reference list</h1><ol>");
        for (int i = 0; i < dois.size(); i++) {
            String d = dois.get(i);
            html.append("<li>Reference ").append(i + 1).append(". ");
            if (i % 2 == 0) html.append("<a href=\"https://doi.org/").append(d).append("\">https://doi.org/").append(d).append("</a>");
            else html.append("doi: ").append(d).append('.');
            html.append("</li>");
        }
        return html.append("</ol></body></html>").toString();
    }
}
