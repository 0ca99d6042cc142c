package org.citelens.parse.tei;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/** Namespace-blind access to TEI elements: GROBID writes a default namespace, other tools a {@code tei:} prefix. */
final class TeiElements {
    private TeiElements() {}

    static String local(Element e) {
        String n = e.tagName();
        int colon = n.indexOf(':');
        return (colon >= 0 ? n.substring(colon + 1) : n).toLowerCase(Locale.ROOT);
    }

    static Element child(Element parent, String name) {
        if (parent == null) return null;
        for (Element c : parent.children()) if (local(c).equals(name)) return c;
        return null;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent != null) for (Element c : parent.children()) if (local(c).equals(name)) out.add(c);
        return out;
    }

    /** All descendants with the local name, in document order. */
    static List<Element> descendants(Element root, String name) {
        List<Element> out = new ArrayList<>();
        if (root != null) for (Element e : root.getAllElements()) if (e != root && local(e).equals(name)) out.add(e);
        return out;
    }

    static Element first(Element root, String name) {
        if (root == null) return null;
        for (Element e : root.getAllElements()) if (e != root && local(e).equals(name)) return e;
        return null;
    }

    static String text(Element e) {
        return e == null ? null : blankToNull(e.text().replaceAll("\\s+", " ").strip());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** {@code xml:id}, however the parser kept the prefix. */
    static String xmlId(Element e) {
        String id = e.attr("xml:id");
        return id.isEmpty() ? e.attr("id") : id;
    }
}
