package org.citelens.parse.jats;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Plain text of metadata elements: whitespace normalised, processing instructions and comments left out. */
public final class JatsText {
    private JatsText() {}

    public static String of(Element element) {
        TextBuilder out = new TextBuilder();
        append(element, out, false);
        return out.text();
    }

    /**
     * Text of an element whose source carries its own spacing and punctuation between children (a
     * mixed-citation): children are joined as written, with no word break added around them.
     */
    public static String asWritten(Element element) {
        TextBuilder out = new TextBuilder();
        append(element, out, true);
        return out.text();
    }

    /** Whether the element carries its own punctuation between its children (mixed content). */
    public static boolean isMixed(Element element) {
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode t && !t.isBlank()) return true;
        }
        return false;
    }

    /** Text of the first descendant with this tag, or null when there is none or it is empty. */
    public static String ofFirst(Element scope, String tag) {
        Element e = Dom.first(scope, tag);
        if (e == null) return null;
        String t = of(e);
        return t.isEmpty() ? null : t;
    }

    private static void append(Element element, TextBuilder out, boolean asWritten) {
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode t) {
                out.append(t.getWholeText());
            } else if (child instanceof Element e) {
                // even as written, a name's parts need a space: <surname>Bellwood</surname><given-names>P</given-names>
                boolean separate = asWritten ? isNamePart(e.normalName()) : !isInline(e.normalName());
                if (separate) out.space();
                append(e, out, asWritten);
                if (separate && !asWritten) out.space();
            }
        }
    }

    private static boolean isNamePart(String name) {
        return name.equals("surname") || name.equals("given-names") || name.equals("suffix") || name.equals("prefix");
    }

    /** Formatting that sits inside a word ("CaCO<sub>3</sub>"); every other element is a word boundary. */
    private static boolean isInline(String name) {
        return switch (name) {
            case "italic",
                    "bold",
                    "sup",
                    "sub",
                    "sc",
                    "underline",
                    "monospace",
                    "roman",
                    "sans-serif",
                    "overline",
                    "strike",
                    "named-content",
                    "styled-content",
                    "inline-formula",
                    "ext-link",
                    "uri",
                    "email",
                    "abbrev",
                    "xref",
                    "mml:mi",
                    "mml:mo",
                    "mml:mn",
                    "mml:msub",
                    "mml:msup",
                    "mml:mrow",
                    "mml:math" -> true;
            default -> false;
        };
    }
}
