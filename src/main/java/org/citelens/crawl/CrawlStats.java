package org.citelens.crawl;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Running counters shared by the workers and the progress line. */
final class CrawlStats {
    final AtomicLong fetches = new AtomicLong();
    final AtomicLong stored = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong linksOnly = new AtomicLong();
    final AtomicLong redirects = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    /** The first few refusals and failures with their reasons: what to say when nothing could be fetched. */
    private final List<String> firstProblems = new ArrayList<>();

    void count(FetchLogEntry e) {
        FetchLogEntry.Outcome outcome = e.outcome();
        if (outcome == FetchLogEntry.Outcome.SKIPPED
                || outcome == FetchLogEntry.Outcome.FETCH_ERROR
                || outcome == FetchLogEntry.Outcome.ERROR) {
            notice(e.url() + " "
                    + outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + e.reason());
        }
        switch (outcome) {
            case STORED -> stored.incrementAndGet();
            case DUPLICATE -> duplicates.incrementAndGet();
            case LINKS_ONLY -> linksOnly.incrementAndGet();
            case REDIRECTION -> redirects.incrementAndGet();
            case RETRY -> retries.incrementAndGet();
            case SKIPPED -> skipped.incrementAndGet();
            case FETCH_ERROR, ERROR -> errors.incrementAndGet();
        }
    }

    private synchronized void notice(String problem) {
        if (firstProblems.size() < 3) firstProblems.add(problem);
    }

    synchronized List<String> firstProblems() {
        return List.copyOf(firstProblems);
    }
}
