package org.citelens.parse.html;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Removes what is not the article: scripts, styles, menus, page headers and footers, "cited by" and related-article
 * boxes, share bars, pop-ups that repeat a reference next to its citation. Decided from tag names and from the
 * words in class and id attributes, so it works across publishers without a list per site.
 */
final class PageChrome {
    /** Never text of the article, whatever their size. */
    private static final Set<String> NEVER_TEXT = Set.of(
            "script",
            "style",
            "noscript",
            "template",
            "iframe",
            "svg",
            "button",
            "select",
            "input",
            "textarea",
            "link",
            "canvas",
            "video",
            "audio");
    /** Chrome by nature, but removed only when small: broken pages leave the whole article inside one of them. */
    private static final Set<String> CHROME_TAGS = Set.of("nav", "header", "footer", "aside");
    /** An element holding this share of the page's text is the page, whatever its class says ("footer-borders"). */
    private static final double MAX_SHARE = 0.4;
    /** Words that, as a whole part of a class or id ("site-menu", "cited_by"), mark chrome. */
    private static final Set<String> CHROME_WORDS = Set.of(
            "nav",
            "navbar",
            "navigation",
            "menu",
            "menubar",
            "sidebar",
            "breadcrumb",
            "breadcrumbs",
            "cookie",
            "cookies",
            "footer",
            "masthead",
            "share",
            "sharing",
            "social",
            "related",
            "citedby",
            "toolbar",
            "banner",
            "advert",
            "advertisement",
            "ads",
            "login",
            "signin",
            "popup",
            "tooltip",
            "dropdown",
            "modal",
            "altmetric",
            "altmetrics",
            "metrics",
            "recommended",
            "comments",
            "referee",
            "reviewer",
            "reviews");

    private PageChrome() {}

    /** Removes what is never article text (scripts, styles, form controls). */
    static void stripNonText(Document doc) {
        List<Element> doomed = new ArrayList<>();
        for (Element e : doc.getAllElements()) {
            if (NEVER_TEXT.contains(e.normalName())) doomed.add(e);
        }
        for (Element e : doomed) e.remove();
    }

    /**
     * Removes chrome, sparing the ancestors of the reference list's entries: publishers put back matter in
     * elements named "footer" ("generated-article-footer", {@code <footer class="back">}).
     */
    static void stripChrome(Document doc, Set<Element> entries) {
        Set<Element> spared = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element entry : entries) {
            for (Element p = entry; p != null && spared.add(p); p = p.parent()) {
                // climbing stops at the first ancestor already spared
            }
        }
        List<Element> doomed = new ArrayList<>();
        Map<Element, Integer> textLength = textLengths(doc);
        double limit = MAX_SHARE * textLength.getOrDefault(doc, 0);
        for (Element e : doc.getAllElements()) {
            String tag = e.normalName();
            boolean chrome = (CHROME_TAGS.contains(tag) && !(tag.equals("header") && insideArticle(e)))
                    || isChrome(e.className())
                    || isChrome(e.id());
            if (chrome
                    && !spared.contains(e)
                    && !tag.equals("body")
                    && !tag.equals("html")
                    && textLength.getOrDefault(e, 0) < limit) doomed.add(e);
        }
        for (Element e : doomed) e.remove();
    }

    /** Length of the text under every element, in one pass. */
    private static Map<Element, Integer> textLengths(Document doc) {
        Map<Element, Integer> lengths = new IdentityHashMap<>();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode t && t.parent() instanceof Element p) {
                            lengths.merge(p, t.getWholeText().strip().length(), Integer::sum);
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element e && e.parent() != null) {
                            lengths.merge(e.parent(), lengths.getOrDefault(e, 0), Integer::sum);
                        }
                    }
                },
                doc);
        return lengths;
    }

    static boolean isChrome(String classOrId) {
        if (classOrId.isEmpty()) return false;
        for (String name : classOrId.split("\\s+")) {
            if (CHROME_WORDS.contains(name.toLowerCase(Locale.ROOT))) return true;
            // "site-menu", "cited_by", "sectionNav", "summationNavigation"
            String[] parts = name.replaceAll("([a-z])([A-Z])", "$1-$2")
                    .toLowerCase(Locale.ROOT)
                    .split("[-_]");
            for (int i = 0; i < parts.length; i++) {
                if (CHROME_WORDS.contains(parts[i])) return true;
                if (i + 1 < parts.length && parts[i].equals("cited") && parts[i + 1].equals("by")) return true;
            }
        }
        return false;
    }

    private static boolean insideArticle(Element e) {
        int depth = 0;
        for (Element p = e.parent(); p != null && depth < 64; p = p.parent(), depth++) {
            String t = p.normalName();
            if (t.equals("article") || t.equals("section") || t.equals("main")) return true;
        }
        return false;
    }
}
