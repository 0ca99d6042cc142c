package org.citelens.crawl;

/**
 * A URL waiting in the frontier.
 *
 * @param depth   ordinary-link hops from a seed
 * @param hops    redirects followed to reach it
 * @param attempt retries already made after 429 or 5xx answers
 */
record CrawlTask(String url, int depth, int hops, int attempt) {
    CrawlTask nextAttempt() {
        return new CrawlTask(url, depth, hops, attempt + 1);
    }
}
