package org.citelens.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Every crawler knob, read from {@code crawler-defaults.properties} (which says why each default is what it is)
 * with per-run overrides on top. Immutable; the effective values are logged at start-up.
 */
public record CrawlConfig(
        String agentName,
        String agentContact,
        long delayMs,
        long crawlDelayCapMs,
        int threads,
        int connectTimeoutMs,
        int readTimeoutMs,
        long totalTimeoutMs,
        long maxBytes,
        int maxRedirects,
        int maxRetries,
        long retryBaseMs,
        long retryMaxWaitMs,
        long robotsCacheMs,
        int maxDepth,
        long maxPages,
        boolean allowLoopback,
        boolean allowPrivate,
        boolean robotsSitemaps,
        long progressIntervalMs) {

    static final String DEFAULTS_RESOURCE = "crawler-defaults.properties";
    private static final Pattern PRODUCT_TOKEN = Pattern.compile("[a-z_-]+");

    public CrawlConfig {
        if (!PRODUCT_TOKEN.matcher(agentName).matches()) {
            throw new IllegalArgumentException("agent name '" + agentName
                    + "' must be a robots.txt product token: lower-case letters, '-' and '_' only");
        }
        requirePositive("fetch.threads", threads);
        requirePositive("fetch.connect-timeout.ms", connectTimeoutMs);
        requirePositive("fetch.read-timeout.ms", readTimeoutMs);
        requirePositive("fetch.total-timeout.ms", totalTimeoutMs);
        requirePositive("fetch.max-bytes", maxBytes);
        requireNonNegative("politeness.delay.ms", delayMs);
        requireNonNegative("fetch.max-redirects", maxRedirects);
        requireNonNegative("fetch.max-retries", maxRetries);
        requireNonNegative("crawl.max-depth", maxDepth);
        requirePositive("crawl.max-pages", maxPages);
    }

    /** The defaults file alone. */
    public static CrawlConfig defaults() {
        return load(Map.of());
    }

    /** The defaults file with some keys (same names as in the file) replaced. */
    public static CrawlConfig load(Map<String, String> overrides) {
        Properties p = new Properties();
        try (InputStream in = CrawlConfig.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + DEFAULTS_RESOURCE);
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (!p.containsKey(e.getKey())) throw new IllegalArgumentException("unknown crawler setting " + e.getKey());
            p.setProperty(e.getKey(), e.getValue());
        }
        return new CrawlConfig(
                p.getProperty("agent.name").strip().toLowerCase(java.util.Locale.ROOT),
                p.getProperty("agent.contact").strip(),
                num(p, "politeness.delay.ms"),
                num(p, "politeness.crawl-delay.cap.ms"),
                (int) num(p, "fetch.threads"),
                (int) num(p, "fetch.connect-timeout.ms"),
                (int) num(p, "fetch.read-timeout.ms"),
                num(p, "fetch.total-timeout.ms"),
                num(p, "fetch.max-bytes"),
                (int) num(p, "fetch.max-redirects"),
                (int) num(p, "fetch.max-retries"),
                num(p, "fetch.retry.base.ms"),
                num(p, "fetch.retry.max-wait.ms"),
                num(p, "robots.cache.ms"),
                (int) num(p, "crawl.max-depth"),
                num(p, "crawl.max-pages"),
                bool(p, "crawl.allow-loopback"),
                bool(p, "crawl.allow-private"),
                bool(p, "crawl.robots-sitemaps"),
                num(p, "progress.interval.ms"));
    }

    /** The User-Agent header: product token, version and a contact URL, as webmasters expect. */
    public String userAgent() {
        return agentName + "/0.1 (+" + agentContact + ")";
    }

    /** Every effective setting by name, for {@code crawl-settings.json}. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new TreeMap<>();
        m.put("agent", userAgent());
        m.put("delay.ms", delayMs);
        m.put("crawl-delay.cap.ms", crawlDelayCapMs);
        m.put("threads", threads);
        m.put("connect-timeout.ms", connectTimeoutMs);
        m.put("read-timeout.ms", readTimeoutMs);
        m.put("total-timeout.ms", totalTimeoutMs);
        m.put("max-bytes", maxBytes);
        m.put("max-redirects", maxRedirects);
        m.put("max-retries", maxRetries);
        m.put("retry.base.ms", retryBaseMs);
        m.put("retry.max-wait.ms", retryMaxWaitMs);
        m.put("robots.cache.ms", robotsCacheMs);
        m.put("max-depth", maxDepth);
        m.put("max-pages", maxPages);
        m.put("allow-loopback", allowLoopback);
        m.put("allow-private", allowPrivate);
        m.put("robots-sitemaps", robotsSitemaps);
        return m;
    }

    private static long num(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) throw new IllegalStateException("crawler setting " + key + " missing from " + DEFAULTS_RESOURCE);
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("crawler setting " + key + " takes a whole number, not '" + v + "'");
        }
    }

    private static boolean bool(Properties p, String key) {
        String v = p.getProperty(key, "").strip();
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("crawler setting " + key + " takes true or false, not '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

    private static void requirePositive(String key, long v) {
        if (v <= 0) throw new IllegalArgumentException(key + " must be greater than 0, not " + v);
    }

    private static void requireNonNegative(String key, long v) {
        if (v < 0) throw new IllegalArgumentException(key + " must not be negative, not " + v);
    }
}
