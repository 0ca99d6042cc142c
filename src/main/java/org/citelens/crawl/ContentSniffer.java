package org.citelens.crawl;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Decides a body's {@link ContentKind}. The header rules out what can never be an article (PDF, images,
 * archives), the content decides the rest: servers often send XML as text/plain or octet-stream and HTML as
 * XML, so the root element wins over the declared type.
 */
final class ContentSniffer {
    private static final Set<String> BINARY_TYPES = Set.of("application/pdf", "application/zip", "application/gzip",
            "application/x-gzip", "application/msword", "application/postscript", "application/x-tar");
    private static final Pattern ROOT = Pattern.compile("<([A-Za-z][\\w.:-]*)");
    private static final Pattern REFERENCE_HEADING =
            Pattern.compile("(?i)\\s*(\\d+\\.?\\s*)?(references|reference list|bibliography|literature cited|works cited)\\s*");

    record Verdict(ContentKind kind, String reason) {}

    Verdict sniff(String contentType, byte[] body) {
        String type = mediaType(contentType);
        if (BINARY_TYPES.contains(type) || type.startsWith("image/") || type.startsWith("audio/") || type.startsWith("video/")) {
            return new Verdict(ContentKind.OTHER, "binary content type " + type);
        }
        if (looksBinary(body)) return new Verdict(ContentKind.OTHER, "binary content" + (type.isEmpty() ? "" : " served as " + type));
        String head = new String(body, 0, Math.min(body.length, 16_384), StandardCharsets.UTF_8);
        String root = rootElement(head);
        if (root == null) return new Verdict(ContentKind.OTHER, "no markup" + (type.isEmpty() ? "" : " in " + type));
        String local = root.contains(":") ? root.substring(root.indexOf(':') + 1) : root;
        String lower = head.toLowerCase(Locale.ROOT);
        if (local.equals("TEI") || local.equals("teiCorpus")) return new Verdict(ContentKind.TEI, "TEI root element");
        if (local.equals("urlset") || local.equals("sitemapindex")) return new Verdict(ContentKind.SITEMAP, "sitemap <" + local + ">");
        if (local.equals("rss") || (local.equals("feed") && lower.contains("http://www.w3.org/2005/atom"))) {
            return new Verdict(ContentKind.SITEMAP, local.equals("rss") ? "RSS feed" : "Atom feed");
        }
        if (local.equals("article") && (lower.contains("jats") || lower.contains("nlm") || lower.contains("<front"))) {
            return new Verdict(ContentKind.JATS, "JATS article root element");
        }
        if (local.equalsIgnoreCase("html") || lower.contains("<html") || type.equals("text/html")) {
            return new Verdict(ContentKind.HTML_PAGE, "HTML");
        }
        return new Verdict(ContentKind.OTHER, "XML with root <" + root + ">, neither JATS nor TEI");
    }

    /** An HTML page is an article when it carries scholarly metadata or a reference list heading. */
    boolean isArticlePage(Document doc) {
        for (Element meta : doc.select("meta[name]")) {
            String name = meta.attr("name").toLowerCase(Locale.ROOT);
            if (name.equals("citation_title") || name.equals("citation_doi") || name.equals("dc.identifier")
                    || name.equals("dc.title") || name.equals("prism.doi")) {
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

    /** NUL bytes or a known binary signature in the first kilobyte. */
    private static boolean looksBinary(byte[] b) {
        if (startsWith(b, "%PDF") || startsWith(b, "PK\u0003\u0004") || startsWith(b, "GIF8")
                || (b.length > 3 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G')
                || (b.length > 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8)
                || (b.length > 1 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b)) {
            return true;
        }
        for (int i = 0; i < Math.min(b.length, 1024); i++) {
            if (b[i] == 0) return true;
        }
        return false;
    }

    private static boolean startsWith(byte[] b, String prefix) {
        if (b.length < prefix.length()) return false;
        for (int i = 0; i < prefix.length(); i++) {
            if (b[i] != (byte) prefix.charAt(i)) return false;
        }
        return true;
    }

    /** The first element name after the prolog (XML declaration, comments, DOCTYPE, processing instructions). */
    private static String rootElement(String head) {
        String s = head.replaceAll("(?s)<!--.*?-->", "").replaceAll("(?s)<\\?.*?\\?>", "").replaceAll("(?is)<!DOCTYPE[^>]*>", "");
        Matcher m = ROOT.matcher(s);
        return m.find() ? m.group(1) : null;
    }
}
