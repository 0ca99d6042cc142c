package org.citelens.api;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counts and latency histograms per route, kept with lock-free adders so that recording costs a few
 * nanoseconds on the tally hot path. Rendered in Prometheus text format by {@link PrometheusText}.
 */
public final class RequestMetrics {
    /** Upper bounds of the latency buckets in seconds: sub-millisecond tallies to multi-second exports. */
    static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10};

    private final Map<RouteKey, RouteStats> routes = new ConcurrentHashMap<>();
    private final LongAdder rejected = new LongAdder();

    /** One route as Prometheus labels it. */
    record RouteKey(String method, String route) {}

    /** Counters of one route. */
    static final class RouteStats {
        final LongAdder[] buckets = new LongAdder[BUCKETS.length];
        final LongAdder count = new LongAdder();
        final LongAdder nanos = new LongAdder();
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

        RouteStats() {
            for (int i = 0; i < buckets.length; i++) buckets[i] = new LongAdder();
        }
    }

    public void record(String method, String route, int status, long elapsedNanos) {
        RouteStats stats = routes.computeIfAbsent(new RouteKey(method, route), k -> new RouteStats());
        stats.count.increment();
        stats.nanos.add(elapsedNanos);
        stats.statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        double seconds = elapsedNanos / 1e9;
        for (int i = 0; i < BUCKETS.length; i++) {
            if (seconds <= BUCKETS[i]) {
                stats.buckets[i].increment();
                break;
            }
        }
    }

    /** A request turned away by a concurrency or rate limit. */
    public void rejected() {
        rejected.increment();
    }

    long rejectedCount() {
        return rejected.sum();
    }

    /** A stable (sorted) view for rendering. */
    Map<RouteKey, RouteStats> snapshot() {
        Map<RouteKey, RouteStats> sorted = new TreeMap<>((a, b) -> {
            int c = a.route().compareTo(b.route());
            return c != 0 ? c : a.method().compareTo(b.method());
        });
        sorted.putAll(routes);
        return sorted;
    }
}
