package org.citelens.crawl;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.citelens.model.SourceFormat;
import org.citelens.parse.ContentSniffer;
import org.citelens.parse.FormatSniffer;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Decides a fetched body's {@link ContentKind}. Whether bytes are binary and which article format they hold is
 * decided by ingest's own detector ({@link ContentSniffer}, {@link FormatSniffer}), so the crawler never stores a
 * file ingest would read differently. Only what a crawler meets is decided here: a Content-Type header that rules
 * the body out (PDF, images, archives), sitemaps and feeds (lists of URLs to follow), and whether an HTML page is an
 * article. Servers often send XML as text/plain or octet-stream and HTML as XML, so the content wins over the header.
 */
final class ResponseClassifier {
    private static final Set<String> BINARY_TYPES = Set.of(
            "application/pdf",
            "application/zip",
            "application/gzip",
            "application/x-gzip",
            "application/msword",
            "application/postscript",
            "application/x-tar");
    private static final String ATOM_NS = "http://www.w3.org/2005/atom";
    private static final Pattern REFERENCE_HEADING = Pattern.compile(
            "(?i)\\s*(\\d+\\.?\\s*)?(references|reference list|bibliography|literature cited|works cited)\\s*");

    record Verdict(ContentKind kind, String reason) {}

    Verdict sniff(String contentType, byte[] body) {
        String type = mediaType(contentType);
        if (BINARY_TYPES.contains(type)
                || type.startsWith("image/")
                || type.startsWith("audio/")
                || type.startsWith("video/")) {
            return new Verdict(ContentKind.OTHER, "binary content type " + type);
        }
        if (ContentSniffer.looksBinary(body)) {
            return new Verdict(ContentKind.OTHER, "binary content" + (type.isEmpty() ? "" : " served as " + type));
        }
        String root = FormatSniffer.rootElement(body);
        if (root != null) {
            if (root.equals("urlset") || root.equals("sitemapindex"))
                return new Verdict(ContentKind.SITEMAP, "sitemap <" + root + ">");
            if (root.equals("rss")) return new Verdict(ContentKind.SITEMAP, "RSS feed");
            if (root.equals("feed")
                    && ContentSniffer.head(body).toLowerCase(Locale.ROOT).contains(ATOM_NS)) {
                return new Verdict(ContentKind.SITEMAP, "Atom feed");
            }
        }
        // the declared type stands in for the file name ingest breaks ties with
        boolean declaredHtml = type.equals("text/html") || type.equals("application/xhtml+xml");
        SourceFormat format = FormatSniffer.detect(body, declaredHtml ? "page.html" : null);
        return switch (format) {
            case TEI -> new Verdict(ContentKind.TEI, "TEI root element");
            case JATS -> new Verdict(ContentKind.JATS, "JATS article root element");
            case HTML -> new Verdict(ContentKind.HTML_PAGE, "HTML");
            case UNKNOWN ->
                new Verdict(
                        ContentKind.OTHER,
                        root == null
                                ? "no markup" + (type.isEmpty() ? "" : " in " + type)
                                : "XML with root <" + root + ">, neither JATS nor TEI");
        };
    }

    /** An HTML page is an article when it carries scholarly metadata or a reference list heading. */
    boolean isArticlePage(Document doc) {
        for (Element meta : doc.select("meta[name]")) {
            String name = meta.attr("name").toLowerCase(Locale.ROOT);
            if (name.equals("citation_title")
                    || name.equals("citation_doi")
                    || name.equals("dc.identifier")
                    || name.equals("dc.title")
                    || name.equals("prism.doi")) {
                return true;
            }
        }
        for (Element h : doc.select("h1, h2, h3, h4")) {
            if (REFERENCE_HEADING.matcher(h.text()).matches()) return true;
        }
        return false;
    }

    static String mediaType(String contentType) {
        if (contentType == null) return "";
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }
}
