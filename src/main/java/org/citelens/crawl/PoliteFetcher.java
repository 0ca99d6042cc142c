package org.citelens.crawl;

import crawlercommons.robots.BaseRobotRules;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Fetching one leased URL, politely and nothing else: a {@code file:} URL is read; an http(s) URL must pass the
 * fetch rules (its addresses, then robots.txt, fetched on the host's first URL), waits the host's delay after a
 * robots.txt request, and is fetched under the size, time and redirect caps. What the answer means is the
 * {@link ResponseHandler}'s business.
 */
final class PoliteFetcher {
    /**
     * What fetching gave: an answer, or the outcome of not getting one; the sitemaps a robots.txt fetched just now
     * lists (to follow when {@code --robots-sitemaps} is on); and when the host may be fetched next.
     *
     * @param start when the attempt started (after the pause that follows a robots.txt request)
     * @param end when it ended
     * @param delay the host's delay: the configured one, or a longer robots.txt Crawl-delay up to the cap
     */
    record Fetched(
            FetchResponse response,
            FetchOutcome outcome,
            long start,
            long end,
            long delay,
            List<String> robotsSitemaps) {
        long nextAt() {
            return end + delay;
        }
    }

    private final CrawlConfig config;
    /** The address rule first: robots.txt is a request to the host, which must not be made to a refused address. */
    private final UrlRule fetchRules;

    private final RobotsCache robots;
    private final HttpFetcher http;
    private final FileFetcher files;
    private final CrawlStats stats;
    private final LongSupplier clock;

    PoliteFetcher(
            CrawlConfig config,
            AddressGuard guard,
            RobotsCache robots,
            HttpFetcher http,
            FileFetcher files,
            CrawlStats stats,
            LongSupplier clock) {
        this.config = config;
        this.fetchRules = UrlRule.chain(List.of(guard, new RobotsRule(robots)));
        this.robots = robots;
        this.http = http;
        this.files = files;
        this.stats = stats;
        this.clock = clock;
    }

    Fetched fetch(CrawlTask task, long start) {
        String url = task.url();
        long delay = 0;
        List<String> sitemaps = List.of();
        try {
            if (url.startsWith("file:")) {
                stats.fetches.incrementAndGet();
                return answer(files.get(url), start, delay, sitemaps);
            }
            boolean robotsFetched = !robots.isCached(url);
            Optional<UrlRule.Refusal> refused = fetchRules.check(url);
            if (refused.isPresent() && refused.get().rule() == UrlRule.Kind.ADDRESS) {
                // the host was not contacted: it may be fetched again at once
                return new Fetched(null, FetchOutcome.skipped(refused.get().reason()), start, start, 0, sitemaps);
            }
            BaseRobotRules rules = robots.lastRules(url);
            if (robotsFetched && config.robotsSitemaps()) sitemaps = rules.getSitemaps();
            delay = hostDelay(rules);
            if (refused.isPresent())
                return new Fetched(null, FetchOutcome.skipped(refused.get().reason()), start, now(), delay, sitemaps);
            if (robotsFetched) {
                // robots.txt was a request too: keep the host's delay before the page itself.
                pause(delay);
                start = now();
            }
            stats.fetches.incrementAndGet();
            return answer(http.get(url), start, delay, sitemaps);
        } catch (BodyTooLargeException e) {
            return new Fetched(null, FetchOutcome.tooLarge(e.getMessage()), start, now(), delay, sitemaps);
        } catch (IOException | IllegalArgumentException e) {
            return new Fetched(null, FetchOutcome.fetchError(describe(e)), start, now(), delay, sitemaps);
        }
    }

    private Fetched answer(FetchResponse response, long start, long delay, List<String> sitemaps) {
        long end = now();
        stats.bytes.addAndGet(response.body().length);
        return new Fetched(response, null, start, end, delay, sitemaps);
    }

    /** The configured delay, or the robots.txt Crawl-delay when longer, clamped to the cap. */
    private long hostDelay(BaseRobotRules rules) {
        long crawlDelay = rules.getCrawlDelay();
        if (crawlDelay <= 0) return config.delayMs();
        return Math.max(config.delayMs(), Math.min(crawlDelay, config.crawlDelayCapMs()));
    }

    private long now() {
        return clock.getAsLong();
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(Exception e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }
}
