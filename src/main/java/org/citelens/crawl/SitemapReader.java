package org.citelens.crawl;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads sitemaps, sitemap indexes and RSS or Atom feeds, the lists of article URLs that publishers keep for
 * crawlers, with crawler-commons' parser (which refuses DTDs). Not strict about the sitemap's own path: which
 * URLs may be fetched is the crawl scope's decision, applied to each listed URL as to any link.
 */
final class SitemapReader {
    private static final int SNIFF_BYTES = 16_384;

    /** One sitemap read: the URLs it lists, and whether they are further sitemaps (an index) or pages. */
    record Listing(boolean index, List<String> urls) {}

    private final long maxBytes;

    SitemapReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    static boolean isGzip(byte[] body) {
        return body.length > 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
    }

    /**
     * The start of a gzipped body, decompressed, so the sniffer can tell a {@code sitemap.xml.gz} from an archive
     * without inflating the whole of either.
     */
    static byte[] gunzippedHead(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readNBytes(SNIFF_BYTES);
        }
    }

    /** A gzipped body decompressed whole, refused past the crawl's byte cap like any fetched body. */
    byte[] gunzipped(byte[] body) throws IOException {
        return BoundedBody.read(new ByteArrayInputStream(body), "gzip", maxBytes, () -> false);
    }

    /** @throws IOException when the body is not a sitemap or feed crawler-commons can read */
    Listing read(byte[] xml, String url) throws IOException {
        AbstractSiteMap map;
        try {
            map = new SiteMapParser(false)
                    .parseSiteMap("application/xml", xml, URI.create(url).toURL());
        } catch (UnknownFormatException e) {
            throw new IOException(e.getMessage(), e);
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IOException("not a URL a sitemap can be read from: " + url, e);
        }
        List<String> urls = new ArrayList<>();
        if (map instanceof SiteMapIndex index) {
            for (AbstractSiteMap child : index.getSitemaps())
                urls.add(child.getUrl().toString());
            return new Listing(true, urls);
        }
        if (map instanceof SiteMap pages) {
            for (SiteMapURL u : pages.getSiteMapUrls()) urls.add(u.getUrl().toString());
        }
        return new Listing(false, urls);
    }
}
