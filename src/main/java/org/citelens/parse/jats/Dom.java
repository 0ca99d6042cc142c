package org.citelens.parse.jats;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Element look-ups by tag name without CSS selectors: a selector is parsed on every call, which costs more than
 * the walk itself when it runs for every reference of every article.
 */
final class Dom {
    private Dom() {}

    /** The first direct child with this tag, or null. */
    static Element child(Element parent, String tag) {
        if (parent == null) return null;
        for (Element c = parent.firstElementChild(); c != null; c = c.nextElementSibling()) {
            if (c.normalName().equals(tag)) return c;
        }
        return null;
    }

    /** The direct children with this tag, in order. */
    static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        if (parent == null) return out;
        for (Element c = parent.firstElementChild(); c != null; c = c.nextElementSibling()) {
            if (c.normalName().equals(tag)) out.add(c);
        }
        return out;
    }

    /** The first descendant (document order) whose tag is one of these, or null. */
    static Element first(Element scope, String... tags) {
        if (scope == null) return null;
        for (Element c = scope.firstElementChild(); c != null; c = c.nextElementSibling()) {
            for (String tag : tags) {
                if (c.normalName().equals(tag)) return c;
            }
            Element deeper = first(c, tags);
            if (deeper != null) return deeper;
        }
        return null;
    }

    /** Every descendant with this tag, in document order. */
    static List<Element> all(Element scope, String tag) {
        List<Element> out = new ArrayList<>();
        collect(scope, tag, out);
        return out;
    }

    private static void collect(Element scope, String tag, List<Element> out) {
        for (Element c = scope.firstElementChild(); c != null; c = c.nextElementSibling()) {
            if (c.normalName().equals(tag)) out.add(c);
            collect(c, tag, out);
        }
    }
}
