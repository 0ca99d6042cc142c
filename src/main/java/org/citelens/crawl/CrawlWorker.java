package org.citelens.crawl;

import crawlercommons.robots.BaseRobotRules;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.citelens.crawl.FetchLogEntry.Outcome;
import org.citelens.crawl.HostQueues.Lease;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Takes leased URLs one at a time and sees each through: address and robots checks, the fetch, retries,
 * redirects, deciding what the body is, storing it, and queuing its links. Never throws for a bad page: every
 * outcome is a line in the fetch log and the journal.
 */
final class CrawlWorker implements Runnable {
    /** The parts a worker uses, built once by the {@link Crawler}. */
    record Parts(CrawlConfig config, HostQueues queues, Frontier frontier, UrlScope scope, UrlNormalizer normalizer,
                 AddressGuard guard, RobotsCache robots, HttpFetcher http, FileFetcher files, ResponseClassifier sniffer,
                 SitemapReader sitemaps, LinkExtractor links, DocumentStore store, CrawlStats stats, AtomicLong budget,
                 AtomicBoolean stoppedAtMax, LongSupplier clock) {}

    private final Parts p;

    CrawlWorker(Parts parts) {
        this.p = parts;
    }

    @Override
    public void run() {
        try {
            Lease lease;
            while ((lease = p.queues().take()) != null) {
                handle(lease);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(Lease lease) {
        CrawlTask task = lease.task();
        if (task.attempt() == 0 && p.budget().getAndIncrement() >= p.config().maxPages()) {
            p.stoppedAtMax().set(true);
            p.queues().putBack(lease);
            p.queues().stop();
            return;
        }
        long start = p.clock().getAsLong();
        long nextAt = start;
        Frontier.Batch b = new Frontier.Batch();
        try {
            nextAt = fetchAndHandle(lease, b, start);
        } catch (RuntimeException e) {
            finish(b, task, start, UrlStatus.ERROR, Outcome.ERROR, 0, null, 0, "internal error: " + e, null, null, null);
        }
        if (nextAt < 0) return; // re-queued for a retry; the lease is already given back
        try {
            p.frontier().commit(b);
        } catch (IOException e) {
            // Nothing was recorded: the URL stays DISCOVERED on disk and the next run fetches it again.
            System.err.println("crawl: cannot write the journal (" + e.getMessage() + "); stopping");
            p.queues().stop();
        } finally {
            p.queues().release(lease, nextAt);
        }
    }

    /** Returns when the host may be fetched again, or -1 when the task went back into the queue. */
    private long fetchAndHandle(Lease lease, Frontier.Batch b, long leaseStart) {
        long start = leaseStart;
        CrawlTask task = lease.task();
        String url = task.url();
        long delay = 0;
        FetchResponse resp;
        try {
            if (url.startsWith("file:")) {
                p.stats().fetches.incrementAndGet();
                resp = p.files().get(url);
            } else {
                String blocked = p.guard().rejection(URI.create(url).getHost());
                if (blocked != null) {
                    finish(b, task, start, UrlStatus.SKIPPED, Outcome.SKIPPED, 0, null, 0, blocked, null, null, null);
                    return start;
                }
                boolean robotsFetched = !p.robots().isCached(url);
                BaseRobotRules rules = p.robots().rulesFor(url);
                if (robotsFetched && p.config().robotsSitemaps()) new LinkFollower(p, b).followListed(rules.getSitemaps(), task);
                delay = hostDelay(rules);
                if (robotsFetched && rules.isAllowed(url)) {
                    // robots.txt was a request too: keep the host's delay before the page itself.
                    pause(delay);
                    start = p.clock().getAsLong();
                }
                if (!rules.isAllowed(url)) {
                    String note = p.robots().failureNote(url);
                    finish(b, task, start, UrlStatus.SKIPPED, Outcome.SKIPPED, 0, null, 0,
                            note != null ? note + " (RFC 9309: disallow all for now)" : "disallowed by robots.txt", null, null, null);
                    return p.clock().getAsLong() + delay;
                }
                p.stats().fetches.incrementAndGet();
                resp = p.http().get(url);
            }
        } catch (BodyTooLargeException e) {
            finish(b, task, start, UrlStatus.SKIPPED, Outcome.SKIPPED, 200, null, 0, e.getMessage(), null, null, null);
            return p.clock().getAsLong() + delay;
        } catch (IOException | IllegalArgumentException e) {
            finish(b, task, start, UrlStatus.FETCH_ERROR, Outcome.FETCH_ERROR, 0, null, 0, describe(e), null, null, null);
            return p.clock().getAsLong() + delay;
        }
        long end = p.clock().getAsLong();
        p.stats().bytes.addAndGet(resp.body().length);
        if (resp.isRetryable()) return retryOrGiveUp(lease, b, resp, start, end, delay);
        if (resp.isRedirect()) {
            redirect(b, task, resp, start);
        } else if (!resp.isSuccess()) {
            finish(b, task, start, UrlStatus.FETCH_ERROR, Outcome.FETCH_ERROR, resp.status(), resp.contentType(), 0,
                    "HTTP " + resp.status(), null, null, null);
        } else {
            handleBody(b, task, resp, start);
        }
        return end + delay;
    }

    private long retryOrGiveUp(Lease lease, Frontier.Batch b, FetchResponse resp, long start, long end, long delay) {
        CrawlTask task = lease.task();
        OptionalLong asked = RetryAfter.millis(resp.retryAfter(), Instant.ofEpochMilli(end));
        long wait = asked.orElse(p.config().retryBaseMs() << Math.min(task.attempt(), 20));
        String why = "HTTP " + resp.status();
        if (task.attempt() >= p.config().maxRetries()) {
            finish(b, task, start, UrlStatus.FETCH_ERROR, Outcome.FETCH_ERROR, resp.status(), resp.contentType(), 0,
                    why + " after " + (task.attempt() + 1) + " attempts", null, null, null);
            return end + delay;
        }
        if (wait > p.config().retryMaxWaitMs()) {
            finish(b, task, start, UrlStatus.FETCH_ERROR, Outcome.FETCH_ERROR, resp.status(), resp.contentType(), 0,
                    why + " with Retry-After " + wait + " ms, more than the " + p.config().retryMaxWaitMs() + " ms we wait",
                    null, null, null);
            return end + delay;
        }
        FetchLogEntry retry = new FetchLogEntry(start, task.url(), resp.status(), resp.contentType(), 0, end - start,
                Outcome.RETRY, why + "; retry " + (task.attempt() + 1) + " in " + wait + " ms"
                        + (asked.isPresent() ? " (Retry-After)" : " (backoff)"), null, null, task.attempt() + 1);
        try {
            p.frontier().logOnly(retry);
        } catch (IOException e) {
            System.err.println("crawl: cannot write the fetch log: " + e.getMessage());
        }
        p.queues().retry(lease, task.nextAttempt(), end + Math.max(wait, delay));
        return -1;
    }

    private void redirect(Frontier.Batch b, CrawlTask task, FetchResponse resp, long start) {
        String target = resp.location() == null ? null : p.normalizer().resolve(task.url(), resp.location());
        if (target == null) {
            finish(b, task, start, UrlStatus.FETCH_ERROR, Outcome.FETCH_ERROR, resp.status(), resp.contentType(), 0,
                    "redirect without a usable Location header", null, null, null);
            return;
        }
        int hops = task.hops() + 1;
        boolean capped = hops > p.config().maxRedirects();
        finish(b, task, start, UrlStatus.REDIRECTION, Outcome.REDIRECTION, resp.status(), resp.contentType(), 0,
                "redirect to " + target + (capped ? " not followed: more than " + p.config().maxRedirects() + " redirects" : ""),
                null, null, null);
        if (capped) {
            if (p.frontier().claim(target)) {
                b.skippedUnfetched(target, task.depth(), hops, "more than " + p.config().maxRedirects() + " redirects", now());
            }
        } else {
            new LinkFollower(p, b).offer(target, task.depth(), hops);
        }
    }

    private void handleBody(Frontier.Batch b, CrawlTask task, FetchResponse resp, long start) {
        byte[] body = resp.body();
        ResponseClassifier.Verdict v = p.sniffer().sniff(resp.contentType(), body);
        if (isGzippedSitemap(body)) {
            try {
                body = p.sitemaps().gunzipped(body);
                v = p.sniffer().sniff("application/xml", body);
            } catch (IOException e) {
                finish(b, task, start, UrlStatus.SKIPPED, Outcome.SKIPPED, resp.status(), resp.contentType(), body.length,
                        "gzipped sitemap refused: " + e.getMessage(), ContentKind.SITEMAP.name(), null, null);
                return;
            }
        }
        ContentKind kind = v.kind();
        if (kind == ContentKind.SITEMAP) {
            followSitemap(b, task, resp, body, v, start);
            return;
        }
        Document doc = null;
        if (kind == ContentKind.HTML_PAGE) {
            try {
                doc = Jsoup.parse(new ByteArrayInputStream(body), null, task.url());
            } catch (IOException e) {
                finish(b, task, start, UrlStatus.FETCH_ERROR, Outcome.FETCH_ERROR, resp.status(), resp.contentType(),
                        body.length, "unreadable HTML: " + e.getMessage(), kind.name(), null, null);
                return;
            }
            if (p.sniffer().isArticlePage(doc)) {
                kind = ContentKind.HTML_ARTICLE;
                v = new ResponseClassifier.Verdict(kind, "HTML article page (scholarly meta tags or a reference list)");
            }
        }
        if (kind == ContentKind.OTHER) {
            finish(b, task, start, UrlStatus.SKIPPED, Outcome.SKIPPED, resp.status(), resp.contentType(), body.length,
                    "not an article: " + v.reason(), kind.name(), null, null);
            return;
        }
        if (!kind.stored()) {
            finish(b, task, start, UrlStatus.FETCHED, Outcome.LINKS_ONLY, resp.status(), resp.contentType(), body.length,
                    "HTML page without article metadata: links followed, not stored", kind.name(), null, null);
        } else {
            String sha = sha256(body);
            if (!p.frontier().firstTimeSeen(sha)) {
                finish(b, task, start, UrlStatus.FETCHED, Outcome.DUPLICATE, resp.status(), resp.contentType(), body.length,
                        "same content as a document already stored", kind.name(), null, sha);
            } else {
                try {
                    Path file = p.store().write(storeHost(task.url()), sha, kind, body);
                    finish(b, task, start, UrlStatus.FETCHED, Outcome.STORED, resp.status(), resp.contentType(), body.length,
                            v.reason(), kind.name(), file.toString().replace('\\', '/'), sha);
                } catch (IOException e) {
                    finish(b, task, start, UrlStatus.ERROR, Outcome.ERROR, resp.status(), resp.contentType(), body.length,
                            "cannot store: " + e.getMessage(), kind.name(), null, null);
                    return;
                }
            }
        }
        if (doc != null) new LinkFollower(p, b).followAll(doc, task);
    }

    /** A gzipped sitemap ({@code sitemap.xml.gz}), judged from its first decompressed bytes: an archive is not read on. */
    private boolean isGzippedSitemap(byte[] body) {
        if (!SitemapReader.isGzip(body)) return false;
        try {
            return p.sniffer().sniff("application/xml", SitemapReader.gunzippedHead(body)).kind() == ContentKind.SITEMAP;
        } catch (IOException e) {
            return false; // not readable gzip: the sniffer's verdict on the raw bytes stands
        }
    }

    private void followSitemap(Frontier.Batch b, CrawlTask task, FetchResponse resp, byte[] body, ResponseClassifier.Verdict v,
                               long start) {
        SitemapReader.Listing listing;
        try {
            listing = p.sitemaps().read(body, task.url());
        } catch (IOException e) {
            finish(b, task, start, UrlStatus.SKIPPED, Outcome.SKIPPED, resp.status(), resp.contentType(), body.length,
                    "unreadable " + v.reason() + ": " + e.getMessage(), ContentKind.SITEMAP.name(), null, null);
            return;
        }
        finish(b, task, start, UrlStatus.FETCHED, Outcome.LINKS_ONLY, resp.status(), resp.contentType(), body.length,
                v.reason() + " listing " + listing.urls().size() + (listing.index() ? " sitemaps" : " URLs")
                        + ": followed, not stored", ContentKind.SITEMAP.name(), null, null);
        new LinkFollower(p, b).followListed(listing.urls(), task);
    }

    private void finish(Frontier.Batch b, CrawlTask task, long start, UrlStatus status, Outcome outcome, int http,
                        String contentType, long bytes, String reason, String kind, String file, String sha) {
        long now = now();
        b.log.add(new FetchLogEntry(start, task.url(), http, contentType, bytes, now - start, outcome, reason, kind, file,
                task.attempt() + 1));
        b.journal.add(new JournalEntry(task.url(), status, task.depth(), task.hops(), http, reason, file, sha, now));
    }

    /** The configured delay, or the robots.txt Crawl-delay when longer, clamped to the cap. */
    private long hostDelay(BaseRobotRules rules) {
        long crawlDelay = rules.getCrawlDelay();
        if (crawlDelay <= 0) return p.config().delayMs();
        return Math.max(p.config().delayMs(), Math.min(crawlDelay, p.config().crawlDelayCapMs()));
    }

    private long now() {
        return p.clock().getAsLong();
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String storeHost(String url) {
        return url.startsWith("file:") ? "local" : URI.create(url).getRawAuthority();
    }

    private static String describe(Exception e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }

    static String sha256(byte[] body) {
        try {
            return DocumentStore.hex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
