package org.citelens.crawl;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * robots.txt rules per host (scheme, host and port), parsed by crawler-commons and cached for the configured
 * lifetime. RFC 9309 conventions: a 4xx robots.txt means no rules (allow all); a 5xx or an unreachable server
 * means disallow all for now, and the answer is cached only briefly so the host is asked again later.
 * Redirects are followed up to the redirect cap, each hop checked against the address rules.
 */
public final class RobotsCache {
    /** A failed robots fetch is retried after this long rather than after the full cache lifetime. */
    private static final long FAILURE_TTL_MS = 60_000;

    private record Entry(BaseRobotRules rules, long expiresAt, String note) {}

    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final HttpFetcher fetcher;
    private final AddressGuard guard;
    private final CrawlConfig config;
    private final LongSupplier clock;

    public RobotsCache(HttpFetcher fetcher, AddressGuard guard, CrawlConfig config, LongSupplier clock) {
        this.fetcher = fetcher;
        this.guard = guard;
        this.config = config;
        this.clock = clock;
        // We clamp Crawl-delay to our own cap instead of letting the parser turn a long delay into "disallow all".
        parser.setMaxCrawlDelay(Long.MAX_VALUE);
    }

    /** The rules for the host of {@code url}; fetches robots.txt when not cached. Called with the host leased. */
    public BaseRobotRules rulesFor(String url) {
        String key = hostKey(url);
        long now = clock.getAsLong();
        Entry e = cache.get(key);
        if (e == null || e.expiresAt() <= now) {
            e = fetch(key, now);
            cache.put(key, e);
        }
        return e.rules();
    }

    /** True when the host's rules are cached and fresh, so {@link #rulesFor} will not send a request. */
    boolean isCached(String url) {
        Entry e = cache.get(hostKey(url));
        return e != null && e.expiresAt() > clock.getAsLong();
    }

    /** The rules last read for this URL's host, fresh or not, without a request; null when none were read. */
    BaseRobotRules lastRules(String url) {
        Entry e = cache.get(hostKey(url));
        return e == null ? null : e.rules();
    }

    /** Why the last robots.txt of this URL's host blocks everything, or null. */
    public String failureNote(String url) {
        Entry e = cache.get(hostKey(url));
        return e == null ? null : e.note();
    }

    private Entry fetch(String hostKey, long now) {
        String url = hostKey + "/robots.txt";
        try {
            for (int hop = 0; hop <= config.maxRedirects(); hop++) {
                FetchResponse r = fetcher.get(url);
                if (r.isRedirect() && r.location() != null) {
                    String next = new UrlNormalizer().resolve(url, r.location());
                    String blocked = next == null
                            ? "bad redirect"
                            : guard.checkHost(URI.create(next).getHost())
                                    .map(UrlRule.Refusal::reason)
                                    .orElse(null);
                    if (blocked != null) return failed(now, "robots.txt redirect refused: " + blocked);
                    url = next;
                    continue;
                }
                if (r.isSuccess()) {
                    BaseRobotRules rules =
                            parser.parseContent(url, r.body(), r.contentType(), List.of(config.agentName()));
                    return new Entry(rules, now + config.robotsCacheMs(), null);
                }
                if (r.status() >= 400 && r.status() < 500) {
                    return new Entry(
                            new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL),
                            now + config.robotsCacheMs(),
                            null);
                }
                return failed(now, "robots.txt answered HTTP " + r.status());
            }
            return failed(now, "robots.txt redirected more than " + config.maxRedirects() + " times");
        } catch (IOException | RuntimeException ex) {
            return failed(now, "robots.txt unreachable: " + ex.getMessage());
        }
    }

    private static Entry failed(long now, String note) {
        SimpleRobotRules none = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);
        return new Entry(none, now + FAILURE_TTL_MS, note);
    }

    static String hostKey(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getRawAuthority();
    }
}
