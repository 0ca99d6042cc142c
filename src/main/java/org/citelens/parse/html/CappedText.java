package org.citelens.parse.html;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * An element's text read only up to a limit, so that probing a huge container (a page with a million links) costs
 * the limit, not the page.
 */
final class CappedText {
    private CappedText() {}

    static String of(Element element, int max) {
        StringBuilder sb = new StringBuilder();
        NodeTraversor.filter(
                new NodeFilter() {
                    @Override
                    public FilterResult head(Node node, int depth) {
                        if (node instanceof TextNode t) {
                            String s = t.getWholeText();
                            if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ' ') sb.append(' ');
                            sb.append(s.strip());
                            if (sb.length() >= max) return FilterResult.STOP;
                        }
                        return FilterResult.CONTINUE;
                    }
                },
                element);
        String text = sb.toString().replaceAll("\\s+", " ").strip();
        return text.length() > max ? text.substring(0, max) : text;
    }
}
