package org.citelens.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Optional per-client token bucket keyed by remote address: {@code perSecond} requests per second with a burst
 * of twice that. Idle clients are forgotten so the map cannot grow without bound.
 */
final class ClientRateLimiter {
    private static final int MAX_CLIENTS = 100_000;

    private final double perSecond;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Tokens of one client. */
    private static final class Bucket {
        double tokens;
        long lastNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastNanos = now;
        }
    }

    ClientRateLimiter(int perSecond) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, 2.0 * perSecond);
    }

    boolean enabled() {
        return perSecond > 0;
    }

    /** Takes one token for this client or throws 429 with Retry-After. */
    void check(String client) {
        if (!enabled()) return;
        long now = System.nanoTime();
        if (buckets.size() > MAX_CLIENTS) buckets.clear();
        Bucket b = buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.lastNanos) / 1e9 * perSecond);
            b.lastNanos = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return;
            }
        }
        throw new ApiException(
                429,
                "too many requests from " + client + "; the limit is " + (int) perSecond + " per second",
                Map.of("Retry-After", "1"));
    }
}
