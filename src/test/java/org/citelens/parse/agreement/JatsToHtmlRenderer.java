package org.citelens.parse.agreement;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Renders a JATS article as a BMC/Frontiers-style publisher page: citation_* meta tags, sections with headings,
 * {@code <a href="#B1">} anchors for bibliographic xrefs (several targets in {@code rel}, Wiley style), a numbered
 * reference list with ids, and page chrome around it (menu, "cited by" box, footer) that must not yield text.
 */
final class JatsToHtmlRenderer {

    String render(String jatsXml) {
        Document jats = Jsoup.parse(jatsXml, "", Parser.xmlParser());
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head>");
        Element meta = jats.selectFirst("article-meta");
        meta(html, "citation_title", meta == null ? "" : text(meta.selectFirst("title-group > article-title")));
        if (meta != null) {
            Element doi = meta.selectFirst("article-id[pub-id-type=doi]");
            if (doi != null) meta(html, "citation_doi", "doi:" + doi.text());
            for (Element c : meta.select("contrib[contrib-type=author] name")) {
                meta(
                        html,
                        "citation_author",
                        text(c.selectFirst("surname")) + ", " + text(c.selectFirst("given-names")));
            }
        }
        html.append(
                "</head><body><nav class=\"site-menu\"><ul><li><a href=\"/\">Home</a></li><li>Browse articles from 2015</li></ul></nav>");
        html.append("<div class=\"page\"><div id=\"main-content\" class=\"article-body\">");
        Element body = jats.selectFirst("article > body");
        if (body != null) children(body, html, 2);
        html.append("<section><h2>References</h2><ol class=\"references\">");
        for (Element ref : jats.select("ref-list ref")) {
            Element citation = ref.selectFirst("mixed-citation, element-citation, citation");
            html.append("<li id=\"")
                    .append(attr(ref.id()))
                    .append("\">")
                    .append(escape(spaced(citation)))
                    .append("</li>");
        }
        html.append("</ol></section></div>");
        html.append("<div class=\"cited-by\"><h3>Cited by</h3><p>Smith J (2020) A later paper that cites this one, ");
        html.append("with a sentence long enough to look like prose [1].</p></div></div>");
        html.append(
                "<footer><p>© Publisher 2015. All rights reserved; this footer is page chrome, not article text.</p></footer>");
        return html.append("</body></html>").toString();
    }

    private void children(Element parent, StringBuilder html, int level) {
        for (Element e : parent.children()) {
            switch (e.tagName()) {
                case "sec" -> {
                    Element title = e.selectFirst("> title");
                    int h = Math.min(level, 6);
                    if (title != null)
                        html.append("<h")
                                .append(h)
                                .append('>')
                                .append(escape(text(title)))
                                .append("</h")
                                .append(h)
                                .append('>');
                    html.append("<section>");
                    children(e, html, level + 1);
                    html.append("</section>");
                }
                case "p" -> {
                    html.append("<p>");
                    inline(e, html);
                    html.append("</p>");
                    for (Element fig : e.select("fig, table-wrap")) caption(fig, html);
                }
                case "fig", "table-wrap" -> caption(e, html);
                default -> children(e, html, level);
            }
        }
    }

    private void caption(Element fig, StringBuilder html) {
        Element caption = fig.selectFirst("> caption");
        if (caption == null) return;
        html.append("<figure><figcaption>");
        for (Element p : caption.children()) {
            html.append("<p>");
            inline(p, html);
            html.append("</p>");
        }
        html.append("</figcaption></figure>");
    }

    private void inline(Element e, StringBuilder html) {
        for (Node n : e.childNodes()) {
            if (n instanceof TextNode t) {
                html.append(escape(t.getWholeText()));
            } else if (n instanceof Element c) {
                switch (c.tagName()) {
                    case "xref" -> {
                        if (c.attr("ref-type").equals("bibr")) {
                            String[] rids = c.attr("rid").trim().split("\\s+");
                            html.append("<a href=\"#").append(attr(rids[0])).append('"');
                            if (rids.length > 1)
                                html.append(" rel=\"references:#")
                                        .append(attr(String.join(" #", rids)))
                                        .append('"');
                            html.append('>').append(escape(c.text())).append("</a>");
                        } else {
                            html.append("<a href=\"#")
                                    .append(attr(c.attr("rid")))
                                    .append("\">")
                                    .append(escape(c.text()))
                                    .append("</a>");
                        }
                    }
                    case "italic" -> wrap("i", c, html);
                    case "bold" -> wrap("b", c, html);
                    case "sup" -> wrap("sup", c, html);
                    case "sub" -> wrap("sub", c, html);
                    case "fig", "table-wrap", "disp-formula", "fn", "table" -> {}
                    default -> inline(c, html);
                }
            }
        }
    }

    private void wrap(String tag, Element c, StringBuilder html) {
        html.append('<').append(tag).append('>');
        inline(c, html);
        html.append("</").append(tag).append('>');
    }

    private static void meta(StringBuilder html, String name, String content) {
        html.append("<meta name=\"")
                .append(name)
                .append("\" content=\"")
                .append(attr(content))
                .append("\">");
    }

    /** element-citation has no spaces between its fields; a publisher's list shows them apart. */
    private static String spaced(Element e) {
        if (e == null) return "";
        StringBuilder sb = new StringBuilder();
        for (TextNode t : e.textNodes()) sb.append(t.text());
        for (Node n : e.childNodes()) {
            if (n instanceof Element c) sb.append(' ').append(spaced(c));
        }
        return e.textNodes().isEmpty() ? sb.toString().strip() : e.text();
    }

    private static String text(Element e) {
        return e == null ? "" : e.text();
    }

    private static String escape(String s) {
        return Entities.escape(s);
    }

    private static String attr(String s) {
        return Entities.escape(s).replace("\"", "&quot;");
    }
}
