package org.citelens.crawl;

import java.io.IOException;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.citelens.crawl.FetchLogEntry.Outcome;
import org.citelens.crawl.HostQueues.Lease;

/**
 * Takes leased URLs one at a time and sees each through: the page budget, the fetch ({@link PoliteFetcher}), a retry
 * when the server asks for one, what the answer means ({@link ResponseHandler}), then one commit of everything the
 * URL gave to the journal and the fetch log. Never throws for a bad page: every outcome is a line in both.
 */
final class CrawlWorker implements Runnable {
    /** What the workers of one crawl share besides their steps: the queues, the frontier, the page budget. */
    record Shared(
            CrawlConfig config,
            HostQueues queues,
            Frontier frontier,
            LinkFollower links,
            AtomicLong budget,
            AtomicBoolean stoppedAtMax,
            LongSupplier clock) {}

    private final Shared s;
    private final PoliteFetcher fetcher;
    private final ResponseHandler responses;

    CrawlWorker(Shared shared, PoliteFetcher fetcher, ResponseHandler responses) {
        this.s = shared;
        this.fetcher = fetcher;
        this.responses = responses;
    }

    @Override
    public void run() {
        try {
            Lease lease;
            while ((lease = s.queues().take()) != null) {
                handle(lease);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(Lease lease) {
        CrawlTask task = lease.task();
        if (task.attempt() == 0 && s.budget().getAndIncrement() >= s.config().maxPages()) {
            s.stoppedAtMax().set(true);
            s.queues().putBack(lease);
            s.queues().stop();
            return;
        }
        long start = now();
        long nextAt = start;
        Frontier.Batch b = new Frontier.Batch();
        try {
            nextAt = fetchAndHandle(lease, b, start);
        } catch (RuntimeException e) {
            FetchOutcome.internalError("internal error: " + e).addTo(b, task, start, now());
        }
        if (nextAt < 0) return; // re-queued for a retry; the lease is already given back
        try {
            s.frontier().commit(b);
        } catch (IOException e) {
            // Nothing was recorded: the URL stays DISCOVERED on disk and the next run fetches it again.
            System.err.println("crawl: cannot write the journal (" + e.getMessage() + "); stopping");
            s.queues().stop();
        } finally {
            s.queues().release(lease, nextAt);
        }
    }

    /** Returns when the host may be fetched again, or -1 when the task went back into the queue. */
    private long fetchAndHandle(Lease lease, Frontier.Batch b, long start) {
        CrawlTask task = lease.task();
        PoliteFetcher.Fetched f = fetcher.fetch(task, start);
        s.links().followListed(b, f.robotsSitemaps(), task);
        if (f.response() == null) {
            f.outcome().addTo(b, task, f.start(), now());
            return f.nextAt();
        }
        if (f.response().isRetryable()) return retryOrGiveUp(lease, b, f);
        responses.handle(b, task, f.response(), f.start());
        return f.nextAt();
    }

    private long retryOrGiveUp(Lease lease, Frontier.Batch b, PoliteFetcher.Fetched f) {
        CrawlTask task = lease.task();
        FetchResponse resp = f.response();
        OptionalLong asked = RetryAfter.millis(resp.retryAfter(), Instant.ofEpochMilli(f.end()));
        long wait = asked.orElse(s.config().retryBaseMs() << Math.min(task.attempt(), 20));
        String why = "HTTP " + resp.status();
        if (task.attempt() >= s.config().maxRetries()) {
            FetchOutcome.answered(
                            resp,
                            UrlStatus.FETCH_ERROR,
                            Outcome.FETCH_ERROR,
                            why + " after " + (task.attempt() + 1) + " attempts")
                    .addTo(b, task, f.start(), now());
            return f.nextAt();
        }
        if (wait > s.config().retryMaxWaitMs()) {
            FetchOutcome.answered(
                            resp,
                            UrlStatus.FETCH_ERROR,
                            Outcome.FETCH_ERROR,
                            why + " with Retry-After " + wait + " ms, more than the "
                                    + s.config().retryMaxWaitMs() + " ms we wait")
                    .addTo(b, task, f.start(), now());
            return f.nextAt();
        }
        FetchLogEntry retry = new FetchLogEntry(
                f.start(),
                task.url(),
                resp.status(),
                resp.contentType(),
                0,
                f.end() - f.start(),
                Outcome.RETRY,
                why + "; retry " + (task.attempt() + 1) + " in " + wait + " ms"
                        + (asked.isPresent() ? " (Retry-After)" : " (backoff)"),
                null,
                null,
                task.attempt() + 1);
        try {
            s.frontier().logOnly(retry);
        } catch (IOException e) {
            System.err.println("crawl: cannot write the fetch log: " + e.getMessage());
        }
        s.queues().retry(lease, task.nextAttempt(), f.end() + Math.max(wait, f.delay()));
        return -1;
    }

    private long now() {
        return s.clock().getAsLong();
    }
}
