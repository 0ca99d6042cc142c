package org.citelens.crawl;

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

    void count(FetchLogEntry.Outcome outcome) {
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
}
