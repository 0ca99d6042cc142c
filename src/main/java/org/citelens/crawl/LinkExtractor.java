package org.citelens.crawl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the links worth following in an HTML page: full-text links first ({@code citation_xml_url},
 * {@code citation_fulltext_html_url}, {@code <link rel=alternate>} to XML, anchors to {@code .xml}/{@code .nxml}
 * files), which do not add crawl depth; then ordinary anchors, which do. PDF links are reported as binary so the
 * crawl can log why it never fetches them.
 */
final class LinkExtractor {

    enum Kind {
        /** The article's own full text in another format: followed whatever the depth. */
        FULLTEXT,
        /** A binary full text (PDF): never fetched, only logged. */
        BINARY,
        /** An ordinary link: followed while within the depth limit. */
        ORDINARY
    }

    record Link(String url, Kind kind) {}

    private final UrlNormalizer normalizer;

    LinkExtractor(UrlNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /** Normalised links in page order, each once, the strongest kind kept (full text, then binary, then ordinary). */
    List<Link> extract(Document doc, String pageUrl) {
        Map<String, Kind> found = new LinkedHashMap<>();
        for (Element meta : doc.select("meta[name][content]")) {
            String name = meta.attr("name").toLowerCase(Locale.ROOT);
            switch (name) {
                case "citation_xml_url", "citation_fulltext_html_url" ->
                    add(found, pageUrl, meta.attr("content"), Kind.FULLTEXT);
                case "citation_pdf_url" -> add(found, pageUrl, meta.attr("content"), Kind.BINARY);
                default -> {}
            }
        }
        for (Element link : doc.select("link[rel~=(?i)alternate][href]")) {
            String type = link.attr("type").toLowerCase(Locale.ROOT);
            if (type.contains("xml") && !type.contains("rss") && !type.contains("atom")) {
                add(found, pageUrl, link.attr("href"), Kind.FULLTEXT);
            }
        }
        for (Element a : doc.select("a[href]")) {
            String href = a.attr("href");
            if (href.startsWith("#")
                    || href.regionMatches(true, 0, "javascript:", 0, 11)
                    || href.regionMatches(true, 0, "mailto:", 0, 7)) {
                continue;
            }
            add(found, pageUrl, href, kindOfAnchor(href));
        }
        List<Link> links = new ArrayList<>(found.size());
        found.forEach((url, kind) -> links.add(new Link(url, kind)));
        return links;
    }

    private static Kind kindOfAnchor(String href) {
        String path = href.toLowerCase(Locale.ROOT);
        int cut = path.indexOf('#');
        if (cut >= 0) path = path.substring(0, cut);
        String noQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (noQuery.endsWith(".pdf")) return Kind.BINARY;
        if (noQuery.endsWith(".xml")
                || noQuery.endsWith(".nxml")
                || path.contains("format=xml")
                || path.contains("type=printable") && path.contains("xml")) {
            return Kind.FULLTEXT;
        }
        return Kind.ORDINARY;
    }

    private void add(Map<String, Kind> found, String base, String href, Kind kind) {
        String url = normalizer.resolve(base, href);
        if (url == null) return;
        Kind old = found.get(url);
        if (old == null || kind.ordinal() < old.ordinal()) found.put(url, kind);
    }
}
