package org.citelens.parse.html;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Finds the element that holds the article's body: the smallest element that still holds most of the page's prose
 * and citation anchors. Prose is counted as text runs of 30 characters or more outside links, so menus and link
 * lists weigh nothing; the reference list is left out so that it cannot pull the choice towards itself.
 */
final class BodyLocator {
    private static final int MIN_RUN = 30;
    private static final int ANCHOR_WEIGHT = 40;
    private static final int MAX_WEIGHTED_ANCHORS = 50_000;
    private static final double KEEP = 0.75;

    Element locate(Document doc, ReferenceList refs) {
        Element body = doc.body();
        Map<Element, Integer> weight = new IdentityHashMap<>();
        int[] anchors = {0};
        NodeTraversor.filter(
                new NodeFilter() {
                    @Override
                    public FilterResult head(Node node, int depth) {
                        if (node instanceof Element e) {
                            if (refs.entries().contains(e)) return FilterResult.SKIP_ENTIRELY;
                            if (refs.anchors().containsKey(e)) {
                                if (anchors[0]++ < MAX_WEIGHTED_ANCHORS) addUp(weight, e.parent(), ANCHOR_WEIGHT);
                                return FilterResult.SKIP_ENTIRELY;
                            }
                            if (e.normalName().equals("a")) return FilterResult.SKIP_ENTIRELY;
                        } else if (node instanceof TextNode t) {
                            int n = t.getWholeText().strip().length();
                            if (n >= MIN_RUN && node.parent() instanceof Element p) addUp(weight, p, n);
                        }
                        return FilterResult.CONTINUE;
                    }
                },
                body);
        Element at = body;
        while (true) {
            int here = weight.getOrDefault(at, 0);
            Element best = null;
            int bestWeight = 0;
            for (Element child : at.children()) {
                int w = weight.getOrDefault(child, 0);
                if (w > bestWeight) {
                    best = child;
                    bestWeight = w;
                }
            }
            if (best == null || bestWeight < KEEP * here) return here == 0 ? null : at;
            at = best;
        }
    }

    private static void addUp(Map<Element, Integer> weight, Element from, int amount) {
        for (Element e = from; e != null; e = e.parent()) weight.merge(e, amount, Integer::sum);
    }
}
