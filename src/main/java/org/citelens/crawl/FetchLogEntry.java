package org.citelens.crawl;

/**
 * One line of {@code DIR/fetch-log.jsonl}: every fetch attempt and every decision not to fetch.
 *
 * @param ts          start of the attempt, epoch milliseconds
 * @param status      HTTP status, 200 for a local file read, 0 when nothing was fetched or no answer came
 * @param contentType the Content-Type header, if any
 * @param bytes       body bytes after decompression
 * @param timeMs      how long the attempt took
 * @param kind        what the body was ({@link ContentKind}), when one was read
 * @param file        the stored file relative to the output folder
 * @param attempt     1 for the first try, 2 and up for retries
 */
public record FetchLogEntry(
        long ts,
        String url,
        int status,
        String contentType,
        long bytes,
        long timeMs,
        Outcome outcome,
        String reason,
        String kind,
        String file,
        int attempt) {

    /** What came of an attempt. */
    public enum Outcome {
        STORED,
        DUPLICATE,
        LINKS_ONLY,
        REDIRECTION,
        RETRY,
        SKIPPED,
        FETCH_ERROR,
        ERROR
    }
}
