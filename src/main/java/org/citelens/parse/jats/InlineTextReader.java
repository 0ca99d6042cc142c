package org.citelens.parse.jats;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads the plain text of one paragraph-like element, recording the span of every bibliographic xref and
 * setting aside the floats (figures, tables, boxes) nested in it, whose captions become paragraphs of their own.
 * Processing instructions, comments and markup never reach the text. Not thread-safe: one per paragraph.
 */
final class InlineTextReader {
    /** Floats: their text is not part of the sentence they interrupt. */
    static final Set<String> FLOATS = Set.of(
            "fig",
            "fig-group",
            "table-wrap",
            "table-wrap-group",
            "boxed-text",
            "supplementary-material",
            "chem-struct-wrap",
            "graphic",
            "media",
            "code");
    /** Content that never belongs to running text: display maths, TeX sources, alternative renderings. */
    private static final Set<String> DROPPED = Set.of(
            "disp-formula",
            "tex-math",
            "annotation",
            "annotation-xml",
            "table",
            "object-id",
            "ref-list",
            "fn",
            "fn-group");
    /** Elements that separate words even when the source puts no space around them. */
    private static final Set<String> BLOCKS = Set.of(
            "p",
            "list",
            "list-item",
            "break",
            "title",
            "label",
            "disp-quote",
            "def-list",
            "def-item",
            "term",
            "def",
            "statement",
            "verse-group",
            "verse-line",
            "sec");

    private final TextBuilder out = new TextBuilder();
    private final List<RawMarker> markers = new ArrayList<>();
    private final List<Element> floats = new ArrayList<>();
    private final List<String> floatTargets = new ArrayList<>();

    static InlineTextReader read(Element element) {
        InlineTextReader reader = new InlineTextReader();
        reader.children(element);
        return reader;
    }

    String text() {
        return out.text();
    }

    List<RawMarker> markers() {
        return markers;
    }

    List<Element> floats() {
        return floats;
    }

    /** Ids of the figures, tables and boxes this text points at ("see Fig. 2"), in order. */
    List<String> floatTargets() {
        return floatTargets;
    }

    private void children(Element element) {
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode t) {
                out.append(t.getWholeText());
            } else if (child instanceof Element e) {
                element(e);
            }
            // processing instructions (<?supplied-pmid 1?>), comments and doctype are not text
        }
    }

    private void element(Element e) {
        String name = e.normalName();
        if (FLOATS.contains(name)) {
            floats.add(e);
            out.space();
            return;
        }
        if (DROPPED.contains(name)) {
            out.space();
            return;
        }
        if (name.equals("xref")) {
            String type = e.attr("ref-type");
            if (type.equals("bibr")) {
                marker(e);
                return;
            }
            if (type.equals("fig") || type.equals("table") || type.equals("boxed-text")) {
                for (String rid : e.attr("rid").split("\\s+")) if (!rid.isEmpty()) floatTargets.add(rid);
            }
        }
        boolean block = BLOCKS.contains(name);
        if (block) out.space();
        children(e);
        if (block) out.space();
    }

    private void marker(Element xref) {
        out.mark();
        children(xref);
        int start = out.endMark();
        List<String> rids = new ArrayList<>();
        for (String rid : xref.attr("rid").split("\\s+")) {
            if (!rid.isBlank()) rids.add(rid);
        }
        if (start < 0) {
            // an empty xref still cites: give it an empty span where it stands so it is counted, not lost
            start = out.length();
        }
        markers.add(new RawMarker(start, out.length(), rids));
    }
}
