package org.citelens.crawl;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The frontier as one FIFO queue per host, with politeness built in: a host is leased to one worker at a time
 * (so one connection per host) and only once its next-allowed time has come; workers take whichever host is
 * ready, so different hosts are fetched concurrently. {@link #take} returns {@code null} when the crawl is over:
 * nothing queued and nothing leased (a leased host may still add links), or {@link #stop} was called.
 */
final class HostQueues {
    record Lease(String host, CrawlTask task) {}

    private static final class Host {
        final ArrayDeque<CrawlTask> queue = new ArrayDeque<>();
        long nextAt;
        boolean leased;
    }

    private final Map<String, Host> hosts = new LinkedHashMap<>();
    private final LongSupplier clock;
    private int queued;
    private int leased;
    private boolean stopped;

    HostQueues(LongSupplier clock) {
        this.clock = clock;
    }

    synchronized void add(String host, CrawlTask task) {
        hosts.computeIfAbsent(host, h -> new Host()).queue.addLast(task);
        queued++;
        notifyAll();
    }

    synchronized Lease take() throws InterruptedException {
        while (true) {
            if (stopped || (queued == 0 && leased == 0)) {
                notifyAll();
                return null;
            }
            long now = clock.getAsLong();
            long soonest = Long.MAX_VALUE;
            for (Map.Entry<String, Host> e : hosts.entrySet()) {
                Host h = e.getValue();
                if (h.leased || h.queue.isEmpty()) continue;
                if (h.nextAt <= now) {
                    h.leased = true;
                    leased++;
                    queued--;
                    return new Lease(e.getKey(), h.queue.pollFirst());
                }
                soonest = Math.min(soonest, h.nextAt);
            }
            wait(soonest == Long.MAX_VALUE ? 1000 : Math.max(1, soonest - now));
        }
    }

    /** Gives the host back; it may be fetched again from {@code nextAt} (epoch ms). */
    synchronized void release(Lease lease, long nextAt) {
        Host h = hosts.get(lease.host());
        h.leased = false;
        h.nextAt = Math.max(h.nextAt, nextAt);
        leased--;
        notifyAll();
    }

    /** Gives the host back with the task at the head of its queue, to be tried again from {@code at}. */
    synchronized void retry(Lease lease, CrawlTask again, long at) {
        hosts.get(lease.host()).queue.addFirst(again);
        queued++;
        release(lease, at);
    }

    /** Gives the host back with the task returned untouched (the crawl is stopping before fetching it). */
    synchronized void putBack(Lease lease) {
        hosts.get(lease.host()).queue.addFirst(lease.task());
        queued++;
        release(lease, 0);
    }

    synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    synchronized int queued() {
        return queued;
    }
}
