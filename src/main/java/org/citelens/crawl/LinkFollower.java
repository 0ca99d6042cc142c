package org.citelens.crawl;

import java.util.Collection;
import org.jsoup.nodes.Document;

/** Decides, for each link of a page or redirect, whether it joins the frontier, is skipped, or is ignored. */
final class LinkFollower {
    private final CrawlWorker.Parts p;
    private final Frontier.Batch batch;

    LinkFollower(CrawlWorker.Parts parts, Frontier.Batch batch) {
        this.p = parts;
        this.batch = batch;
    }

    void followAll(Document doc, CrawlTask from) {
        for (LinkExtractor.Link link : p.links().extract(doc, from.url())) {
            switch (link.kind()) {
                case FULLTEXT -> offer(link.url(), from.depth(), 0);
                case BINARY -> {
                    if (p.frontier().claim(link.url())) {
                        batch.skippedUnfetched(link.url(), from.depth(), 0, "binary full text (PDF) is not fetched", now());
                    }
                }
                case ORDINARY -> {
                    // Too deep from here is not "skipped": the same URL may be reached by a shorter path later.
                    if (from.depth() + 1 <= p.config().maxDepth()) offer(link.url(), from.depth() + 1, 0);
                }
            }
        }
    }

    /**
     * The URLs of a sitemap or feed, or the sitemaps robots.txt names. They keep the depth of what listed them: a
     * sitemap is a list of pages as the seeds are, not a page linking to them.
     */
    void followListed(Collection<String> urls, CrawlTask from) {
        for (String listed : urls) {
            String url = p.normalizer().normalize(listed);
            if (url != null) offer(url, from.depth(), 0);
        }
    }

    void offer(String url, int depth, int hops) {
        if (url.equals(p.normalizer().normalize(url)) && p.frontier().claim(url)) {
            String outOfScope = p.scope().rejection(url);
            if (outOfScope != null) batch.skippedUnfetched(url, depth, hops, outOfScope, now());
            else batch.discovered(new CrawlTask(url, depth, hops, 0), now());
        }
    }

    private long now() {
        return p.clock().getAsLong();
    }
}
