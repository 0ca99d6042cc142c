package org.citelens.crawl;

/**
 * One line of the crawl journal ({@code DIR/crawl-journal.jsonl}). Replaying the journal, the last line of a URL
 * gives its status; DISCOVERED lines rebuild the frontier in their original order.
 *
 * @param depth      ordinary-link hops from a seed
 * @param hops       redirects followed to reach this URL
 * @param httpStatus the answer's status code, 0 when nothing was fetched
 * @param file       the stored file relative to the output folder, when one was written
 * @param sha256     the body's SHA-256, when the body was kept or recognised as a duplicate
 */
public record JournalEntry(
        String url,
        UrlStatus status,
        int depth,
        int hops,
        int httpStatus,
        String reason,
        String file,
        String sha256,
        long ts) {

    static JournalEntry discovered(String url, int depth, int hops, long ts) {
        return new JournalEntry(url, UrlStatus.DISCOVERED, depth, hops, 0, null, null, null, ts);
    }
}
