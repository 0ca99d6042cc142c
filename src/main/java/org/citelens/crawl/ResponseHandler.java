package org.citelens.crawl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import org.citelens.crawl.FetchLogEntry.Outcome;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * What a final answer (not one to retry) means: a redirect is followed or capped, an HTTP error is logged, and a
 * body is judged ({@link ResponseClassifier}): a sitemap's URLs are followed, an article is stored once per
 * content, an HTML page's links are followed. Each answer ends in one {@link FetchOutcome} in the batch.
 */
final class ResponseHandler {
    private final CrawlConfig config;
    private final UrlNormalizer normalizer;
    private final Frontier frontier;
    private final ResponseClassifier classifier;
    private final SitemapReader sitemaps;
    private final DocumentStore store;
    private final LinkFollower links;
    private final LongSupplier clock;

    ResponseHandler(
            CrawlConfig config,
            UrlNormalizer normalizer,
            Frontier frontier,
            ResponseClassifier classifier,
            SitemapReader sitemaps,
            DocumentStore store,
            LinkFollower links,
            LongSupplier clock) {
        this.config = config;
        this.normalizer = normalizer;
        this.frontier = frontier;
        this.classifier = classifier;
        this.sitemaps = sitemaps;
        this.store = store;
        this.links = links;
        this.clock = clock;
    }

    void handle(Frontier.Batch b, CrawlTask task, FetchResponse resp, long start) {
        if (resp.isRedirect()) {
            redirect(b, task, resp, start);
        } else if (!resp.isSuccess()) {
            record(
                    b,
                    task,
                    start,
                    FetchOutcome.answered(resp, UrlStatus.FETCH_ERROR, Outcome.FETCH_ERROR, "HTTP " + resp.status()));
        } else {
            body(b, task, resp, start);
        }
    }

    private void redirect(Frontier.Batch b, CrawlTask task, FetchResponse resp, long start) {
        String target = resp.location() == null ? null : normalizer.resolve(task.url(), resp.location());
        if (target == null) {
            record(
                    b,
                    task,
                    start,
                    FetchOutcome.answered(
                            resp,
                            UrlStatus.FETCH_ERROR,
                            Outcome.FETCH_ERROR,
                            "redirect without a usable Location header"));
            return;
        }
        int hops = task.hops() + 1;
        boolean capped = hops > config.maxRedirects();
        record(
                b,
                task,
                start,
                FetchOutcome.answered(
                        resp,
                        UrlStatus.REDIRECTION,
                        Outcome.REDIRECTION,
                        "redirect to " + target
                                + (capped ? " not followed: more than " + config.maxRedirects() + " redirects" : "")));
        if (capped) {
            if (frontier.claim(target)) {
                b.skippedUnfetched(
                        target, task.depth(), hops, "more than " + config.maxRedirects() + " redirects", now());
            }
        } else {
            links.offer(b, target, task.depth(), hops);
        }
    }

    private void body(Frontier.Batch b, CrawlTask task, FetchResponse resp, long start) {
        byte[] body = resp.body();
        ResponseClassifier.Verdict v = classifier.sniff(resp.contentType(), body);
        if (isGzippedSitemap(body)) {
            try {
                body = sitemaps.gunzipped(body);
                v = classifier.sniff("application/xml", body);
            } catch (IOException e) {
                record(
                        b,
                        task,
                        start,
                        FetchOutcome.read(
                                resp,
                                UrlStatus.SKIPPED,
                                Outcome.SKIPPED,
                                body.length,
                                "gzipped sitemap refused: " + e.getMessage(),
                                ContentKind.SITEMAP));
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
                record(
                        b,
                        task,
                        start,
                        FetchOutcome.read(
                                resp,
                                UrlStatus.FETCH_ERROR,
                                Outcome.FETCH_ERROR,
                                body.length,
                                "unreadable HTML: " + e.getMessage(),
                                kind));
                return;
            }
            if (classifier.isArticlePage(doc)) {
                kind = ContentKind.HTML_ARTICLE;
                v = new ResponseClassifier.Verdict(kind, "HTML article page (scholarly meta tags or a reference list)");
            }
        }
        if (kind == ContentKind.OTHER) {
            record(
                    b,
                    task,
                    start,
                    FetchOutcome.read(
                            resp,
                            UrlStatus.SKIPPED,
                            Outcome.SKIPPED,
                            body.length,
                            "not an article: " + v.reason(),
                            kind));
            return;
        }
        if (!kind.stored()) {
            record(
                    b,
                    task,
                    start,
                    FetchOutcome.read(
                            resp,
                            UrlStatus.FETCHED,
                            Outcome.LINKS_ONLY,
                            body.length,
                            "HTML page without article metadata: links followed, not stored",
                            kind));
        } else if (!store(b, task, resp, body, v, start)) {
            return;
        }
        if (doc != null) links.followAll(b, doc, task);
    }

    /** Stores a body the first time its content is seen; false when it could not be written. */
    private boolean store(
            Frontier.Batch b,
            CrawlTask task,
            FetchResponse resp,
            byte[] body,
            ResponseClassifier.Verdict v,
            long start) {
        ContentKind kind = v.kind();
        String sha = DocumentStore.sha256(body);
        if (!frontier.firstTimeSeen(sha)) {
            record(
                    b,
                    task,
                    start,
                    FetchOutcome.read(
                                    resp,
                                    UrlStatus.FETCHED,
                                    Outcome.DUPLICATE,
                                    body.length,
                                    "same content as a document already stored",
                                    kind)
                            .withSha(sha));
            return true;
        }
        try {
            Path file = store.write(storeHost(task.url()), sha, kind, body);
            record(
                    b,
                    task,
                    start,
                    FetchOutcome.read(resp, UrlStatus.FETCHED, Outcome.STORED, body.length, v.reason(), kind)
                            .withFile(file.toString().replace('\\', '/'), sha));
            return true;
        } catch (IOException e) {
            record(
                    b,
                    task,
                    start,
                    FetchOutcome.read(
                            resp,
                            UrlStatus.ERROR,
                            Outcome.ERROR,
                            body.length,
                            "cannot store: " + e.getMessage(),
                            kind));
            return false;
        }
    }

    /** A gzipped sitemap ({@code sitemap.xml.gz}), judged from its first decompressed bytes: an archive is not read on. */
    private boolean isGzippedSitemap(byte[] body) {
        if (!SitemapReader.isGzip(body)) return false;
        try {
            return classifier
                            .sniff("application/xml", SitemapReader.gunzippedHead(body))
                            .kind()
                    == ContentKind.SITEMAP;
        } catch (IOException e) {
            return false; // not readable gzip: the classifier's verdict on the raw bytes stands
        }
    }

    private void followSitemap(
            Frontier.Batch b,
            CrawlTask task,
            FetchResponse resp,
            byte[] body,
            ResponseClassifier.Verdict v,
            long start) {
        SitemapReader.Listing listing;
        try {
            listing = sitemaps.read(body, task.url());
        } catch (IOException e) {
            record(
                    b,
                    task,
                    start,
                    FetchOutcome.read(
                            resp,
                            UrlStatus.SKIPPED,
                            Outcome.SKIPPED,
                            body.length,
                            "unreadable " + v.reason() + ": " + e.getMessage(),
                            ContentKind.SITEMAP));
            return;
        }
        record(
                b,
                task,
                start,
                FetchOutcome.read(
                        resp,
                        UrlStatus.FETCHED,
                        Outcome.LINKS_ONLY,
                        body.length,
                        v.reason() + " listing " + listing.urls().size() + (listing.index() ? " sitemaps" : " URLs")
                                + ": followed, not stored",
                        ContentKind.SITEMAP));
        links.followListed(b, listing.urls(), task);
    }

    private void record(Frontier.Batch b, CrawlTask task, long start, FetchOutcome outcome) {
        outcome.addTo(b, task, start, now());
    }

    private long now() {
        return clock.getAsLong();
    }

    private static String storeHost(String url) {
        return url.startsWith("file:") ? "local" : URI.create(url).getRawAuthority();
    }
}
