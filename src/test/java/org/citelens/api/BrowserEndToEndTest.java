package org.citelens.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web pages in Debian's headless Chromium against the real server on a real index: load the search page,
 * type a query, apply a filter, open a report, filter its statements. Screenshots go to target/screenshots/, each
 * page at 1280x900 and at a phone's 390 px (the "-1280" and "-390" files).
 * Chromium and chromedriver are found on PATH (or through CITELENS_CHROMIUM and CITELENS_CHROMEDRIVER, which
 * {@code ./run.sh test} sets after checking them); without them the test fails and says what to install, unless
 * CITELENS_SKIP_BROWSER=1.
 */
class BrowserEndToEndTest {
    private static final Path CHROMIUM = Chromium.BINARY;
    private static final Path DRIVER = Chromium.DRIVER;
    private static final Path SHOTS = Path.of("target", "screenshots");

    @Test
    void searchFilterAndReportInChromium(@TempDir Path profile) throws Exception {
        Chromium.require();
        Files.createDirectories(SHOTS);
        Path index = CorpusIndex.index();
        try (LiveServer live = new LiveServer(index)) {
            WebDriver driver = start(profile);
            try {
                run(driver, live);
            } finally {
                driver.quit();
            }
        }
    }

    private static WebDriver start(Path profile) {
        return Chromium.start(profile, "--headless");
    }

    /** Desktop and phone: every screenshot is taken at both, and the pages are checked at both. */
    private static final Dimension DESKTOP = new Dimension(1280, 900);

    private static final Dimension PHONE = new Dimension(390, 844);

    private static void run(WebDriver driver, LiveServer live) throws Exception {
        String base = live.base();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        viewport(driver, DESKTOP, false);

        driver.get(base + "/");
        assertTrue(driver.getTitle().contains("Citelens"), driver.getTitle());
        wait.until(d -> !d.findElement(By.id("stat")).getText().isBlank());
        shots(driver, "1-search-home");

        WebElement box = driver.findElement(By.id("q"));
        box.sendKeys("PCR");
        box.submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#list .statement")));
        long total = number(driver.findElement(By.id("total")).getText());
        assertTrue(total > 20, "PCR finds more statements than one page holds");
        assertEquals(20, number(driver.findElement(By.id("shown")).getText()), "Showing 20 of " + total);
        assertTrue(
                driver.findElement(By.id("more")).getAttribute("textContent").startsWith("Load "),
                "a way to load the rest: " + driver.findElement(By.id("more")).getAttribute("outerHTML"));
        assertFalse(driver.findElements(By.cssSelector("#list .statement mark")).isEmpty(), "query terms highlighted");
        assertFalse(
                driver.findElements(By.cssSelector("#filters .facet .count")).isEmpty(), "facet counts shown");
        assertLegend(driver);
        assertCitingArticlesExplained(driver);
        shots(driver, "2-search-results");
        driver.findElement(By.id("more")).click();
        wait.until(d -> number(d.findElement(By.id("shown")).getText()) == Math.min(40, total)
                && d.findElements(By.cssSelector("#list .statement")).size() == Math.min(40, total));

        driver.findElement(By.cssSelector("#filters input[name=section][value=results]"))
                .click();
        wait.until(d -> {
            long filtered = number(d.findElement(By.id("total")).getText());
            return filtered > 0
                    && filtered < total
                    && d.findElements(By.cssSelector("#list .statement .tag")).stream()
                            .filter(e -> !e.getAttribute("class").contains("self"))
                            .allMatch(e -> e.getText().equalsIgnoreCase("results"));
        });
        shot(driver, "3-search-filtered.png");

        WebElement box2 = driver.findElement(By.id("q"));
        box2.clear();
        box2.sendKeys("zzqxv nonexistentword");
        box2.submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("noResults")));
        shots(driver, "7-search-no-results");

        WebElement box3 = driver.findElement(By.id("q"));
        box3.clear();
        box3.sendKeys("https://doi.org/10.1006/METH.2001.1262");
        box3.submit();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("openReport"))).click();
        wait.until(ExpectedConditions.urlContains("/reports/10.1006/meth.2001.1262"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#list .statement")));
        assertFalse(driver.findElement(By.id("title")).getText().startsWith("Loading"));
        List<WebElement> bars = driver.findElements(By.cssSelector("#years svg rect.bar"));
        assertFalse(bars.isEmpty(), "citing publications per year chart drawn");
        List<String> ticks = driver.findElements(By.cssSelector("#years svg text.tick")).stream()
                .map(WebElement::getText)
                .toList();
        assertEquals(ticks.size(), ticks.stream().distinct().count(), "each axis label once: " + ticks);
        long reportTotal = number(driver.findElement(By.id("total")).getText());
        assertEquals(
                reportTotal,
                number(driver.findElement(By.cssSelector(".tally.supporting .n"))
                                .getText())
                        + number(driver.findElement(By.cssSelector(".tally.mentioning .n"))
                                .getText())
                        + number(driver.findElement(By.cssSelector(".tally.contrasting .n"))
                                .getText())
                        + number(driver.findElement(By.cssSelector(".tally.unclassified .n"))
                                .getText()));
        assertEquals(reportTotal, number(driver.findElement(By.id("shown")).getText()), "one page holds all of them");
        String tallyText = driver.findElement(By.id("tallies")).getText().toLowerCase(java.util.Locale.ROOT);
        assertTrue(
                tallyText.contains("statements")
                        && tallyText.contains("citing publications")
                        && tallyText.matches("(?s).*self-citation statements\\s+from \\d+ publications?.*"),
                tallyText);
        assertTrue(
                driver.findElement(By.id("workLinks")).findElements(By.cssSelector("a.ext")).stream()
                        .anyMatch(a -> a.getAttribute("href").equals("https://doi.org/10.1006/meth.2001.1262")),
                "the cited work itself");
        assertLegend(driver);
        assertCitingArticlesExplained(driver);
        shots(driver, "4-report");

        long methods = number(driver.findElements(By.cssSelector("#sections .sectionrow .num"))
                .get(1)
                .getText());
        assertTrue(methods > 0 && methods < reportTotal, "Livak 2001 is cited in methods and elsewhere");
        driver.findElement(By.cssSelector("#filters input[name=section][value=methods]"))
                .click();
        wait.until(d -> number(d.findElement(By.id("total")).getText()) == methods
                && d.findElements(By.cssSelector("#list .statement")).stream()
                        .allMatch(e ->
                                e.findElement(By.cssSelector(".tag")).getText().equalsIgnoreCase("methods")));
        assertTrue(driver.findElement(By.id("ofAll")).getText().contains("filtered from " + reportTotal));
        String href = driver.findElement(By.id("exportCsv")).getAttribute("href");
        assertTrue(
                href.contains("format=csv") && href.contains("section=methods") && href.contains("cited=10.1006"),
                href);
        shot(driver, "5-report-filtered.png");

        for (String label : List.of("contrasting", "supporting")) {
            driver.get(base + "/reports/" + workWith(live.http, label));
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#list .statement[data-label=" + label + "]")));
            assertLegend(driver);
            shots(driver, "8-report-" + label);
        }

        driver.get(base + "/reports/10.9999/not.cited.here");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notFound")));
        shots(driver, "6-report-unknown");
    }

    /**
     * A cited work (with a DOI, so that it has a report) of the test index with statements of this label, found
     * through the API; in these 20 articles no work with a DOI has both supporting and contrasting ones.
     */
    private static String workWith(Http http, String label) {
        com.fasterxml.jackson.databind.JsonNode page = http.get("/api/search?type=" + label + "&limit=100&facets=false")
                .json();
        for (com.fasterxml.jackson.databind.JsonNode item : page.get("items")) {
            String doi = item.at("/cited/doi").asText("");
            if (!doi.isEmpty()) return doi;
        }
        throw new AssertionError("no " + label + " statement of the test index cites a work with a DOI");
    }

    /** The label definitions, the meaning of confidence and the machine-made notice stand above the list. */
    private static void assertLegend(WebDriver driver) {
        String legend =
                driver.findElement(By.cssSelector("#legend .legend")).getText().toLowerCase(java.util.Locale.ROOT);
        assertTrue(
                legend.contains("confidence")
                        && legend.contains("machine-made")
                        && legend.contains("pointer to read, not a verdict")
                        && legend.contains("supporting")
                        && legend.contains("contrasting")
                        && legend.contains("mentioning"),
                legend);
    }

    /** Each statement says who cites ("Surname et al., year") and links to the citing article itself. */
    private static void assertCitingArticlesExplained(WebDriver driver) {
        List<WebElement> cards = driver.findElements(By.cssSelector("#list .statement"));
        long withAuthors = cards.stream()
                .filter(c -> !c.findElements(By.cssSelector(".citeas")).isEmpty()
                        && c.findElement(By.cssSelector(".citeas"))
                                .getText()
                                .matches(".+(et al\\.|&)?.*, (19|20)\\d\\d"))
                .count();
        assertEquals(cards.size(), withAuthors, "every JATS citing article has its authors");
        for (WebElement c : cards) {
            List<String> hrefs = c.findElements(By.cssSelector(".foot a.ext")).stream()
                    .map(a -> a.getAttribute("href"))
                    .toList();
            assertTrue(hrefs.stream().anyMatch(h -> h.startsWith("https://doi.org/10.")), "doi.org link: " + hrefs);
            assertTrue(
                    hrefs.stream().anyMatch(h -> h.startsWith("https://europepmc.org/article/PMC/PMC")),
                    "Europe PMC link: " + hrefs);
        }
    }

    /**
     * The same page at 1280x900 and at a phone's 390x844 (exact viewports through Chrome's device emulation, not
     * window sizes that include the browser's frame), plus the whole phone page; it must not scroll sideways.
     */
    private static void shots(WebDriver driver, String name) throws Exception {
        shot(driver, name + "-1280.png");
        viewport(driver, PHONE, true);
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(((Number) overflow).longValue() <= 0, name + " scrolls sideways at 390 px by " + overflow + " px");
        shot(driver, name + "-390.png");
        Object height = ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight;");
        Map<String, Object> clip = Map.of(
                "x",
                0,
                "y",
                0,
                "width",
                PHONE.width,
                "height",
                Math.min(6000, ((Number) height).intValue()),
                "scale",
                1);
        Map<String, Object> full = ((ChromeDriver) driver)
                .executeCdpCommand(
                        "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.write(
                SHOTS.resolve(name + "-390-full.png"),
                java.util.Base64.getDecoder().decode((String) full.get("data")));
        viewport(driver, DESKTOP, false);
    }

    private static void viewport(WebDriver driver, Dimension size, boolean mobile) throws InterruptedException {
        ((ChromeDriver) driver)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", size.width, "height", size.height, "deviceScaleFactor", 1, "mobile", mobile));
        Thread.sleep(300); // let the layout settle at the new width
    }

    private static long number(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }

    private static void shot(WebDriver driver, String name) throws Exception {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
