package org.citelens.harvest;

import crawlercommons.robots.BaseRobotRules;
import java.io.IOException;
import org.citelens.crawl.RobotsCache;
import org.citelens.crawl.RobotsRule;

/**
 * Publisher and repository landing pages, fetched as the crawler would: robots.txt first (crawler-commons, cached
 * per host; every redirect hop checked), one request per host per second or the site's Crawl-delay up to 30 s.
 */
final class LandingPages {
    private static final long CRAWL_DELAY_CAP_MS = 30_000;

    private final PoliteClient client;
    private final RobotsCache robots;
    private final long intervalMs;

    LandingPages(PoliteClient client, HttpSettings settings, String email) {
        this.client = client;
        this.robots = new RobotsCache(
                client.fetcher(), client.guard(), PoliteClient.crawlConfig(settings, email), System::currentTimeMillis);
        this.intervalMs = settings.interval(HttpSettings.LANDING_PAGE_INTERVAL_MS);
    }

    CachedAnswer fetch(String url) throws IOException {
        BaseRobotRules rules = robots.rulesFor(url);
        long delay = rules.getCrawlDelay() > 0
                ? Math.max(intervalMs, Math.min(rules.getCrawlDelay(), CRAWL_DELAY_CAP_MS))
                : intervalMs;
        CachedAnswer a = client.get(url, delay, new RobotsRule(robots));
        if (a.status() == 404) throw new FetchFailedException("HTTP 404");
        return a;
    }
}
