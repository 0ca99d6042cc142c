package org.citelens.crawl;

import org.citelens.crawl.FetchLogEntry.Outcome;

/**
 * What came of one URL, as its fetch-log line and journal line record it. Built by the step that decided it,
 * recorded once by {@link #addTo}.
 *
 * @param http the answer's status, 0 when nothing was fetched
 * @param bytes body bytes read, 0 when the body was not read
 * @param kind what the body was ({@link ContentKind#name()}), when that was decided
 * @param file the stored file, relative to the output folder
 * @param sha256 the body's hash, when it was stored or recognised as a duplicate
 */
record FetchOutcome(
        UrlStatus status,
        Outcome outcome,
        int http,
        String contentType,
        long bytes,
        String reason,
        String kind,
        String file,
        String sha256) {

    /** Not fetched: a rule refused it, or a cap was hit before the body was read. */
    static FetchOutcome skipped(String reason) {
        return new FetchOutcome(UrlStatus.SKIPPED, Outcome.SKIPPED, 0, null, 0, reason, null, null, null);
    }

    /** An answer whose body passed the size cap: not read on (the status is the 200 that came with it). */
    static FetchOutcome tooLarge(String reason) {
        return new FetchOutcome(UrlStatus.SKIPPED, Outcome.SKIPPED, 200, null, 0, reason, null, null, null);
    }

    /** No usable answer: a network error, a timeout, an unreadable file. */
    static FetchOutcome fetchError(String reason) {
        return new FetchOutcome(UrlStatus.FETCH_ERROR, Outcome.FETCH_ERROR, 0, null, 0, reason, null, null, null);
    }

    /** A bug of ours, caught so the crawl goes on. */
    static FetchOutcome internalError(String reason) {
        return new FetchOutcome(UrlStatus.ERROR, Outcome.ERROR, 0, null, 0, reason, null, null, null);
    }

    /** An answer, its body not read (an HTTP error, a redirect). */
    static FetchOutcome answered(FetchResponse r, UrlStatus status, Outcome outcome, String reason) {
        return new FetchOutcome(status, outcome, r.status(), r.contentType(), 0, reason, null, null, null);
    }

    /** An answer whose body of {@code bytes} was read and judged {@code kind}. */
    static FetchOutcome read(
            FetchResponse r, UrlStatus status, Outcome outcome, long bytes, String reason, ContentKind kind) {
        return new FetchOutcome(status, outcome, r.status(), r.contentType(), bytes, reason, kind.name(), null, null);
    }

    FetchOutcome withFile(String storedFile, String sha) {
        return new FetchOutcome(status, outcome, http, contentType, bytes, reason, kind, storedFile, sha);
    }

    FetchOutcome withSha(String sha) {
        return withFile(file, sha);
    }

    /** Adds the fetch-log line and the journal line of this outcome to the batch. */
    void addTo(Frontier.Batch batch, CrawlTask task, long start, long now) {
        batch.log.add(new FetchLogEntry(
                start,
                task.url(),
                http,
                contentType,
                bytes,
                now - start,
                outcome,
                reason,
                kind,
                file,
                task.attempt() + 1));
        batch.journal.add(
                new JournalEntry(task.url(), status, task.depth(), task.hops(), http, reason, file, sha256, now));
    }
}
