package org.citelens.harvest;

/**
 * How the harvest talks to servers. The per-source intervals are the documented or conservative limits
 * (docs/harvest.md); {@code minIntervalMs} replaces all of them when set (a local mirror or replay server).
 *
 * @param minIntervalMs the pause between two requests to one host for every source, or -1 for each source's own
 * @param timeoutMs connect and read timeout; a whole request is cut after twice this
 * @param maxBytes the largest body read (decompressed); larger ones are refused whole
 * @param maxRetries further attempts after a 429 or 5xx answer
 * @param maxRetryWaitMs the longest Retry-After honoured; a server asking for more is given up on for this run
 * @param allowLoopback allow loopback addresses (replay servers, tests); private ranges stay refused
 */
public record HttpSettings(
        long minIntervalMs, int timeoutMs, long maxBytes, int maxRetries, long maxRetryWaitMs, boolean allowLoopback) {
    public static final long OPENCITATIONS_INTERVAL_MS = 1000;
    public static final long EUROPEPMC_INTERVAL_MS = 200;
    public static final long UNPAYWALL_INTERVAL_MS = 100;
    public static final long LANDING_PAGE_INTERVAL_MS = 1000;

    public HttpSettings {
        if (timeoutMs < 1) throw new IllegalArgumentException("--timeout-ms must be at least 1");
        if (maxBytes < 1) throw new IllegalArgumentException("--max-bytes must be at least 1");
        if (maxRetries < 0) throw new IllegalArgumentException("retries must not be negative");
    }

    public static HttpSettings defaults() {
        return new HttpSettings(-1, 30_000, 50L * 1024 * 1024, 3, 120_000, false);
    }

    long interval(long sourceDefault) {
        return minIntervalMs >= 0 ? minIntervalMs : sourceDefault;
    }
}
