package org.citelens.api;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver for the browser tests: found on PATH, or through CITELENS_CHROMIUM and
 * CITELENS_CHROMEDRIVER (which {@code ./run.sh test} sets after checking them). Without them a browser test fails
 * and says what to install, unless CITELENS_SKIP_BROWSER=1 skips it.
 */
final class Chromium {
    static final Path BINARY = executable("CITELENS_CHROMIUM", "chromium");
    static final Path DRIVER = executable("CITELENS_CHROMEDRIVER", "chromedriver");

    private Chromium() {}

    /** Skips the calling test when told to, fails it when Chromium is missing. */
    static void require() {
        if (Files.isExecutable(BINARY) && Files.isExecutable(DRIVER)) return;
        Assumptions.assumeFalse(
                "1".equals(System.getenv("CITELENS_SKIP_BROWSER")), "browser test skipped by CITELENS_SKIP_BROWSER=1");
        fail("the browser test needs " + BINARY + " and " + DRIVER
                + ": install them with 'apt-get install chromium chromium-driver' (or set CITELENS_SKIP_BROWSER=1 to skip)");
    }

    /**
     * A Chromium session on a fresh profile: headless (with the flag given, so a test may ask for the new mode),
     * quiet (no background networking, sync or component updates), 1280x900, plus the test's own flags.
     */
    static ChromeDriver start(Path profile, String... flags) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments(
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,900",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.addArguments(flags);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
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
}
