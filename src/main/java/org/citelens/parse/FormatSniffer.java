package org.citelens.parse;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.citelens.model.SourceFormat;

/**
 * Decides a document's format from its content: the DOCTYPE, the root element and its namespaces. The file name
 * only breaks ties (an XML root we do not know, a fragment without a root). Never throws, whatever the bytes. Ingest
 * and the crawler both decide with it, so a file the crawler stores as JATS, TEI or HTML is read as such.
 */
public final class FormatSniffer {
    private static final String TEI_NS = "http://www.tei-c.org/ns/1.0";
    private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    /** Prolog items before the root: XML declaration, processing instructions, comments, DOCTYPE, whitespace. */
    private static final Pattern PROLOG = Pattern.compile(
            "\\A(?:\\s+|<\\?.*?\\?>|<!--.*?-->|<!doctype[^>\\[]*(?:\\[.*?])?\\s*>)*",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private static final Pattern DOCTYPE =
            Pattern.compile("<!doctype\\s+([\\w:.-]+)([^>\\[]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROOT = Pattern.compile("\\A<([A-Za-z_][\\w:.-]*)([^>]*)>?", Pattern.DOTALL);

    private FormatSniffer() {}

    /** The format of the content; {@code name} (a file name, or null) only breaks ties. */
    public static SourceFormat detect(byte[] content, String name) {
        if (content == null || ContentSniffer.isBlank(content) || ContentSniffer.looksBinary(content)) {
            return SourceFormat.UNKNOWN;
        }
        String head = head(content);
        String lowerName = name == null ? "" : name.toLowerCase(Locale.ROOT);

        Matcher doctype = DOCTYPE.matcher(head);
        if (doctype.find() && doctype.start() < 4096) {
            String root = localName(doctype.group(1));
            String ids = doctype.group(2).toLowerCase(Locale.ROOT);
            if (root.equals("html")) return SourceFormat.HTML;
            if (root.equals("tei") || root.equals("teicorpus")) return SourceFormat.TEI;
            if (root.equals("article") || root.equals("pmc-articleset")) return SourceFormat.JATS;
            if (ids.contains("jats") || ids.contains("nlm")) return SourceFormat.JATS;
        }
        Matcher root = root(head);
        if (root != null) {
            String element = localName(root.group(1));
            String attrs = root.group(2);
            if (element.equals("tei") || element.equals("teicorpus") || attrs.contains(TEI_NS)) return SourceFormat.TEI;
            if (element.equals("html") || attrs.contains(XHTML_NS)) return SourceFormat.HTML;
            if (element.equals("article") || element.equals("pmc-articleset") || element.equals("records")) {
                String l = head.toLowerCase(Locale.ROOT);
                if (l.contains("<front")
                        || l.contains("<article-meta")
                        || l.contains("<journal-meta")
                        || element.equals("pmc-articleset")
                        || lowerName.endsWith(".xml")
                        || lowerName.endsWith(".nxml")) {
                    return SourceFormat.JATS;
                }
                // an HTML5 fragment starting with <article> and no JATS front matter
                return SourceFormat.HTML;
            }
            if (element.equals("head") || element.equals("body")) return SourceFormat.HTML;
        }
        return fromName(lowerName, head);
    }

    /**
     * The root element's local name, lowercased, after the prolog (XML declaration, comments, DOCTYPE, processing
     * instructions); null for empty, binary or root-less content.
     */
    public static String rootElement(byte[] content) {
        if (content == null || ContentSniffer.isBlank(content) || ContentSniffer.looksBinary(content)) return null;
        Matcher root = root(head(content));
        return root == null ? null : localName(root.group(1));
    }

    private static String head(byte[] content) {
        String head = ContentSniffer.head(content);
        return !head.isEmpty() && head.charAt(0) == '\uFEFF' ? head.substring(1) : head;
    }

    /** The root element's start tag after the prolog, or null. */
    private static Matcher root(String head) {
        Matcher prolog = PROLOG.matcher(head);
        int rootAt = prolog.lookingAt() ? prolog.end() : 0;
        Matcher root = ROOT.matcher(head.substring(rootAt));
        return root.lookingAt() ? root : null;
    }

    /** Tie-breaker when the content has no recognised root: the name, then weak content cues. */
    private static SourceFormat fromName(String name, String head) {
        String l = head.toLowerCase(Locale.ROOT);
        if (name.endsWith(".tei.xml") || name.endsWith(".tei"))
            return l.contains("<") ? SourceFormat.TEI : SourceFormat.UNKNOWN;
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
            return l.contains("<") ? SourceFormat.HTML : SourceFormat.UNKNOWN;
        }
        if (l.contains("<html") || l.contains("<meta ") || l.contains("<body")) return SourceFormat.HTML;
        return SourceFormat.UNKNOWN;
    }

    private static String localName(String qName) {
        int colon = qName.indexOf(':');
        return (colon >= 0 ? qName.substring(colon + 1) : qName).toLowerCase(Locale.ROOT);
    }
}
