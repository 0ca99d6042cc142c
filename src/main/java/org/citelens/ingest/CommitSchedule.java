package org.citelens.ingest;

import java.util.concurrent.atomic.AtomicLong;

/**
 * When the indexing pass commits: after every {@code every} articles, and at least once per interval, so a crash
 * loses little work. One worker commits at a time; the others go on adding (IndexWriter allows both at once).
 */
final class CommitSchedule {
    private final int every;
    private final long intervalNanos;
    private final AtomicLong sinceCommit = new AtomicLong();
    private final AtomicLong lastCommit = new AtomicLong(System.nanoTime());

    CommitSchedule(int every, long intervalNanos) {
        this.every = every;
        this.intervalNanos = intervalNanos;
    }

    /** Counts one indexed article; true for the one worker that should commit now. */
    boolean articleIndexed() {
        long now = System.nanoTime();
        long last = lastCommit.get();
        boolean due = sinceCommit.incrementAndGet() % every == 0 || now - last > intervalNanos;
        return due && lastCommit.compareAndSet(last, now);
    }
}
