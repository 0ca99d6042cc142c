package org.citelens.crawl;

/** Where a URL stands in the crawl; the journal keeps the latest status of every URL. */
public enum UrlStatus {
    /** In the frontier, not fetched yet (or fetched by a run that was killed before recording it). */
    DISCOVERED,
    /** Fetched and handled: stored, recognised as a duplicate, or followed for links only. */
    FETCHED,
    /** Answered with a redirect; the target is a URL of its own. */
    REDIRECTION,
    /** Not fetched or not kept on purpose: scope, robots.txt, address rules, content type, size. */
    SKIPPED,
    /** The fetch failed: network error, timeout, 4xx, or 5xx/429 after every retry. */
    FETCH_ERROR,
    /** Our own failure while handling a fetched page (for example the disk is full). */
    ERROR;

    public boolean done() {
        return this != DISCOVERED;
    }
}
