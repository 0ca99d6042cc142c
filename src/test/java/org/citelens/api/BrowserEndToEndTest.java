package org.citelens.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web pages in Debian's headless Chromium against the real server on a real index: load the search page,
 * type a query, apply a filter, open a report, filter its statements. Screenshots go to target/screenshots/.
 * Chromium and chromedriver are found on PATH (or through CITELENS_CHROMIUM and CITELENS_CHROMEDRIVER, which
 * {@code ./run.sh test} sets after checking them); without them the test fails and says what to install, unless
 * CITELENS_SKIP_BROWSER=1.
 */
class BrowserEndToEndTest {
    private static final Path CHROMIUM = executable("CITELENS_CHROMIUM", "chromium");
    private static final Path DRIVER = executable("CITELENS_CHROMEDRIVER", "chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");

    @Test
    void searchFilterAndReportInChromium(@TempDir Path profile) throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            Assumptions.assumeFalse("1".equals(System.getenv("CITELENS_SKIP_BROWSER")), "browser test skipped by CITELENS_SKIP_BROWSER=1");
            fail("the browser test needs " + CHROMIUM + " and " + DRIVER
                    + ": install them with 'apt-get install chromium chromium-driver' (or set CITELENS_SKIP_BROWSER=1 to skip)");
        }
        Files.createDirectories(SHOTS);
        Path index = CorpusIndex.index();
        try (LiveServer live = new LiveServer(index)) {
            WebDriver driver = start(profile);
            try {
                run(driver, live.base());
            } finally {
                driver.quit();
            }
        }
    }

    /** The program the variable names, else the first {@code name} on PATH, else just the name (not executable). */
    private static Path executable(String variable, String name) {
        String set = System.getenv(variable);
        if (set != null && !set.isBlank()) return Path.of(set);
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) return p;
        }
        return Path.of(name);
    }

    private static WebDriver start(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1366,1500", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void run(WebDriver driver, String base) throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));

        driver.get(base + "/");
        assertTrue(driver.getTitle().contains("Citelens"), driver.getTitle());
        wait.until(d -> !d.findElement(By.id("stat")).getText().isBlank());
        shot(driver, "1-search-home.png");

        WebElement box = driver.findElement(By.id("q"));
        box.sendKeys("PCR");
        box.submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#list .statement")));
        long total = number(driver.findElement(By.id("total")).getText());
        assertTrue(total > 0, "PCR finds statements");
        assertFalse(driver.findElements(By.cssSelector("#list .statement mark")).isEmpty(), "query terms highlighted");
        assertFalse(driver.findElements(By.cssSelector("#filters .facet .count")).isEmpty(), "facet counts shown");
        shot(driver, "2-search-results.png");

        driver.findElement(By.cssSelector("#filters input[name=section][value=results]")).click();
        wait.until(d -> {
            long filtered = number(d.findElement(By.id("total")).getText());
            return filtered > 0 && filtered < total && d.findElements(By.cssSelector("#list .statement .tag")).stream()
                    .filter(e -> !e.getAttribute("class").contains("self")).allMatch(e -> e.getText().equalsIgnoreCase("results"));
        });
        shot(driver, "3-search-filtered.png");

        WebElement box2 = driver.findElement(By.id("q"));
        box2.clear();
        box2.sendKeys("https://doi.org/10.1006/METH.2001.1262");
        box2.submit();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("openReport"))).click();
        wait.until(ExpectedConditions.urlContains("/reports/10.1006/meth.2001.1262"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#list .statement")));
        assertFalse(driver.findElement(By.id("title")).getText().startsWith("Loading"));
        List<WebElement> bars = driver.findElements(By.cssSelector("#years svg rect.bar"));
        assertFalse(bars.isEmpty(), "citing publications per year chart drawn");
        long reportTotal = number(driver.findElement(By.id("total")).getText());
        assertEquals(reportTotal, number(driver.findElement(By.cssSelector(".tally.supporting .n")).getText())
                + number(driver.findElement(By.cssSelector(".tally.mentioning .n")).getText())
                + number(driver.findElement(By.cssSelector(".tally.contrasting .n")).getText())
                + number(driver.findElement(By.cssSelector(".tally.unclassified .n")).getText()));
        shot(driver, "4-report.png");

        long methods = number(driver.findElements(By.cssSelector("#sections .sectionrow .num")).get(1).getText());
        assertTrue(methods > 0 && methods < reportTotal, "Livak 2001 is cited in methods and elsewhere");
        driver.findElement(By.cssSelector("#filters input[name=section][value=methods]")).click();
        wait.until(d -> number(d.findElement(By.id("total")).getText()) == methods
                && d.findElements(By.cssSelector("#list .statement")).stream()
                        .allMatch(e -> e.findElement(By.cssSelector(".tag")).getText().equalsIgnoreCase("methods")));
        String href = driver.findElement(By.id("exportCsv")).getAttribute("href");
        assertTrue(href.contains("format=csv") && href.contains("section=methods") && href.contains("cited=10.1006"), href);
        shot(driver, "5-report-filtered.png");

        driver.get(base + "/reports/10.9999/not.cited.here");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notFound")));
        shot(driver, "6-report-unknown.png");
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
