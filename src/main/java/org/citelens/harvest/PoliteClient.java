package org.citelens.harvest;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.citelens.crawl.AddressGuard;
import org.citelens.crawl.BodyTooLargeException;
import org.citelens.crawl.CrawlConfig;
import org.citelens.crawl.FetchResponse;
import org.citelens.crawl.HttpFetcher;
import org.citelens.crawl.RetryAfter;
import org.citelens.crawl.UrlNormalizer;
import org.citelens.crawl.UrlRule;

/**
 * Every request of a harvest goes through here: the cache first; then the crawler's address rules (no private or
 * loopback addresses unless allowed), a pause so one host gets at most one request per its interval, one GET under
 * the crawler's size and time caps ({@link HttpFetcher}), and retries of 429 and 5xx answers after the server's
 * Retry-After (or a doubling back-off). A timeout or a broken body is not retried: a slow server stays slow.
 * Single-threaded by design: the harvest is bound by politeness, not by CPU.
 */
final class PoliteClient {
    private static final long BACKOFF_BASE_MS = 1000;
    private static final int MAX_REDIRECTS = 5;

    private final HttpFetcher http;
    private final AddressGuard guard;
    private final ResponseCache cache;
    private final HttpSettings settings;
    private final UrlNormalizer normalizer = new UrlNormalizer();
    private final Map<String, Long> nextAllowed = new HashMap<>();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong fromCache = new AtomicLong();
    final AtomicLong retried = new AtomicLong();

    PoliteClient(HttpSettings settings, String email, ResponseCache cache, ScheduledExecutorService watchdog) {
        this.settings = settings;
        this.cache = cache;
        this.guard = new AddressGuard(settings.allowLoopback(), false);
        this.http = new HttpFetcher(crawlConfig(settings, email), watchdog);
    }

    /** The crawler's fetch settings with the harvest's timeouts, size cap, address rule and contact. */
    static CrawlConfig crawlConfig(HttpSettings settings, String email) {
        String contact = "https://github.com/citelens/citelens/blob/main/docs/harvest.md"
                + (email == null || email.isBlank() ? "" : "; mailto:" + email);
        return CrawlConfig.load(Map.of(
                "agent.contact", contact,
                "fetch.connect-timeout.ms", String.valueOf(settings.timeoutMs()),
                "fetch.read-timeout.ms", String.valueOf(settings.timeoutMs()),
                "fetch.total-timeout.ms", String.valueOf(2L * settings.timeoutMs()),
                "fetch.max-bytes", String.valueOf(settings.maxBytes()),
                "crawl.allow-loopback", String.valueOf(settings.allowLoopback())));
    }

    HttpFetcher fetcher() {
        return http;
    }

    AddressGuard guard() {
        return guard;
    }

    /**
     * A definite answer (2xx or 404) for {@code url}, from the cache or the server.
     *
     * @param intervalMs the least time between two requests to this URL's host
     */
    CachedAnswer get(String url, long intervalMs) throws IOException {
        return get(url, intervalMs, u -> Optional.empty());
    }

    /**
     * As {@link #get(String, long)}, following up to {@value #MAX_REDIRECTS} redirects, each hop checked against
     * the address rules and {@code hopRule} (robots.txt for landing pages). The answer is cached under the first URL.
     */
    CachedAnswer get(String url, long intervalMs, UrlRule hopRule) throws IOException {
        Optional<CachedAnswer> cached = cache.get(url);
        if (cached.isPresent()) {
            fromCache.incrementAndGet();
            return cached.get();
        }
        String current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            check(current, hopRule);
            FetchResponse r = withRetries(current, intervalMs);
            if (r.isRedirect() && r.location() != null) {
                String next = normalizer.resolve(current, r.location());
                if (next == null) throw new FetchFailedException("bad redirect to " + r.location());
                current = next;
                continue;
            }
            if (r.isSuccess() || r.status() == 404) {
                CachedAnswer answer = new CachedAnswer(r.status(), r.contentType(), r.body());
                cache.put(url, answer);
                return answer;
            }
            throw new FetchFailedException("HTTP " + r.status());
        }
        throw new FetchFailedException("more than " + MAX_REDIRECTS + " redirects");
    }

    private void check(String url, UrlRule hopRule) throws FetchFailedException {
        String host = URI.create(url).getHost();
        if (host == null) throw new FetchFailedException("not an http(s) URL: " + url);
        Optional<UrlRule.Refusal> refused = guard.checkHost(host);
        if (refused.isEmpty()) refused = hopRule.check(url);
        if (refused.isPresent())
            throw new FetchFailedException("refused: " + refused.get().reason());
    }

    /** One URL's answer, 429 and 5xx retried; any other status is returned as it is. */
    private FetchResponse withRetries(String url, long intervalMs) throws FetchFailedException {
        String host = URI.create(url).getHost();
        for (int attempt = 0; ; attempt++) {
            FetchResponse r = send(url, host, intervalMs);
            if (!r.isRetryable()) return r;
            if (attempt >= settings.maxRetries()) {
                throw new FetchFailedException("HTTP " + r.status() + " after " + settings.maxRetries() + " retries");
            }
            long wait = waitBeforeRetry(r, attempt);
            retried.incrementAndGet();
            pause(wait);
        }
    }

    /**
     * The answer's JSON. A body that does not parse is dropped from the cache before failing, so a broken answer
     * (a truncated one that still looked whole to HTTP) is asked for again by the next run.
     */
    com.fasterxml.jackson.databind.JsonNode parsed(String url, CachedAnswer a, String source) throws IOException {
        try {
            return SourceJson.read(a, source);
        } catch (FetchFailedException e) {
            cache.forget(url);
            throw e;
        }
    }

    private long waitBeforeRetry(FetchResponse r, int attempt) throws FetchFailedException {
        OptionalLong asked = RetryAfter.millis(r.retryAfter(), Instant.now());
        long wait = asked.orElse(BACKOFF_BASE_MS << Math.min(attempt, 10));
        if (wait > settings.maxRetryWaitMs()) {
            throw new FetchFailedException("HTTP " + r.status() + ": the server asked to wait " + wait / 1000
                    + " s, more than the " + settings.maxRetryWaitMs() / 1000 + " s this run waits");
        }
        return wait;
    }

    private FetchResponse send(String url, String host, long intervalMs) throws FetchFailedException {
        long now = System.currentTimeMillis();
        long at = nextAllowed.getOrDefault(host, now);
        if (at > now) pause(at - now);
        sent.incrementAndGet();
        try {
            return http.get(url);
        } catch (BodyTooLargeException e) {
            throw new FetchFailedException("too large: " + e.getMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new FetchFailedException(describe(e), e);
        } finally {
            nextAllowed.put(host, System.currentTimeMillis() + intervalMs);
        }
    }

    private static String describe(Exception e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pausing between requests", e);
        }
    }
}
