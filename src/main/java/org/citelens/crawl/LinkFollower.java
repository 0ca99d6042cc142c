package org.citelens.crawl;

import java.util.Collection;
import java.util.function.LongSupplier;
import org.jsoup.nodes.Document;

/**
 * Decides, for each link of a page, sitemap or redirect, whether it joins the frontier, is skipped (the scope rule
 * refused it), or is ignored (already claimed, too deep). Shared by the workers; what it decides goes into the
 * caller's batch.
 */
final class LinkFollower {
    private final UrlNormalizer normalizer;
    private final Frontier frontier;
    private final UrlRule scope;
    private final LinkExtractor links;
    private final int maxDepth;
    private final LongSupplier clock;

    LinkFollower(
            UrlNormalizer normalizer,
            Frontier frontier,
            UrlRule scope,
            LinkExtractor links,
            int maxDepth,
            LongSupplier clock) {
        this.normalizer = normalizer;
        this.frontier = frontier;
        this.scope = scope;
        this.links = links;
        this.maxDepth = maxDepth;
        this.clock = clock;
    }

    void followAll(Frontier.Batch batch, Document doc, CrawlTask from) {
        for (LinkExtractor.Link link : links.extract(doc, from.url())) {
            switch (link.kind()) {
                case FULLTEXT -> offer(batch, link.url(), from.depth(), 0);
                case BINARY -> {
                    if (frontier.claim(link.url())) {
                        batch.skippedUnfetched(
                                link.url(), from.depth(), 0, "binary full text (PDF) is not fetched", now());
                    }
                }
                case ORDINARY -> {
                    // Too deep from here is not "skipped": the same URL may be reached by a shorter path later.
                    if (from.depth() + 1 <= maxDepth) offer(batch, link.url(), from.depth() + 1, 0);
                }
            }
        }
    }

    /**
     * The URLs of a sitemap or feed, or the sitemaps robots.txt names. They keep the depth of what listed them: a
     * sitemap is a list of pages as the seeds are, not a page linking to them.
     */
    void followListed(Frontier.Batch batch, Collection<String> urls, CrawlTask from) {
        for (String listed : urls) {
            String url = normalizer.normalize(listed);
            if (url != null) offer(batch, url, from.depth(), 0);
        }
    }

    void offer(Frontier.Batch batch, String url, int depth, int hops) {
        if (url.equals(normalizer.normalize(url)) && frontier.claim(url)) {
            var refused = scope.check(url);
            if (refused.isPresent())
                batch.skippedUnfetched(url, depth, hops, refused.get().reason(), now());
            else batch.discovered(new CrawlTask(url, depth, hops, 0), now());
        }
    }

    private long now() {
        return clock.getAsLong();
    }
}
