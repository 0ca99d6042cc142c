package org.citelens.api;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code max} events per key in any window of {@code window}: the feedback routes' limit per client, which
 * a token bucket per second (the server's optional limit) is far too generous for. Keys idle for a window are
 * dropped when the map grows, so a flood of addresses cannot exhaust memory.
 */
final class SlidingWindowLimiter {
    private static final int MAX_KEYS = 100_000;

    private final int max;
    private final long windowNanos;
    private final Map<String, Deque<Long>> events = new ConcurrentHashMap<>();

    SlidingWindowLimiter(int max, Duration window) {
        this.max = max;
        this.windowNanos = window.toNanos();
    }

    /** Counts one event for {@code key}; false (and nothing counted) when the key is at its limit. */
    boolean tryAcquire(String key) {
        long now = System.nanoTime();
        if (events.size() > MAX_KEYS) forgetIdle(now);
        Deque<Long> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) times.pollFirst();
            if (times.size() >= max) return false;
            times.addLast(now);
            return true;
        }
    }

    /** Seconds until {@code key} may send again (at least 1), for Retry-After. */
    long retryAfterSeconds(String key) {
        Deque<Long> times = events.get(key);
        if (times == null) return 1;
        synchronized (times) {
            Long first = times.peekFirst();
            if (first == null) return 1;
            return Math.max(1, (windowNanos - (System.nanoTime() - first)) / 1_000_000_000L + 1);
        }
    }

    private void forgetIdle(long now) {
        events.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                Long last = e.getValue().peekLast();
                return last == null || now - last >= windowNanos;
            }
        });
    }
}
