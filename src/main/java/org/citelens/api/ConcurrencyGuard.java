package org.citelens.api;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bounded number of requests per {@link RouteCost} in flight at once. When a class is full a request waits
 * briefly and is then refused with 503 and Retry-After, so a burst of exports never starves tally lookups.
 */
final class ConcurrencyGuard {
    private final Map<RouteCost, Semaphore> permits = new EnumMap<>(RouteCost.class);
    private final long waitNanos;

    ConcurrencyGuard(ApiConfig config) {
        for (RouteCost c : RouteCost.values()) permits.put(c, new Semaphore(config.limit(c)));
        this.waitNanos = config.queueWait().toNanos();
    }

    /** Takes a slot or throws a 503 {@link ApiException}; the caller must {@link #release} it. */
    void acquire(RouteCost cost) throws InterruptedException {
        Semaphore s = permits.get(cost);
        if (s.tryAcquire()) return;
        if (waitNanos > 0 && s.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) return;
        throw new ApiException(
                503,
                "the server is busy with " + cost.name().toLowerCase(java.util.Locale.ROOT)
                        + " requests; retry shortly",
                Map.of("Retry-After", cost == RouteCost.EXPORT ? "10" : "1"));
    }

    void release(RouteCost cost) {
        permits.get(cost).release();
    }
}
