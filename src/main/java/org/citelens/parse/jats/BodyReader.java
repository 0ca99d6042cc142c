package org.citelens.parse.jats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citelens.model.Paragraph;
import org.citelens.model.Section;
import org.citelens.model.SectionType;
import org.citelens.parse.SectionTypes;
import org.jsoup.nodes.Element;

/**
 * Reads a JATS body into sections flattened in document order: paragraphs as plain text with their citation
 * markers, and the captions (and table footnotes) of figures, tables and boxes as caption paragraphs. Table cells
 * are never paragraphs. A nested section whose own heading says nothing keeps its parent's type. One reader per
 * document.
 */
final class BodyReader {
    /** Containers whose paragraphs belong to the section around them. */
    private static final Set<String> CONTAINERS = Set.of(
            "list",
            "list-item",
            "disp-quote",
            "def-list",
            "def-item",
            "def",
            "statement",
            "glossary",
            "question",
            "answer",
            "explanation",
            "question-wrap",
            "answer-set");

    private final MarkerLinker linker;
    /** Section type where each figure or table is first pointed at; not thread-safe, one reader per document. */
    private final Map<String, SectionType> firstCitedIn = new HashMap<>();

    BodyReader(ReferenceIndex refs) {
        this.linker = new MarkerLinker(refs);
    }

    /** @param body the {@code body} element; @param floats the {@code floats-group}, or null */
    List<Section> read(Element body, Element floats) {
        List<SectionBuilder> out = new ArrayList<>();
        if (body != null) {
            SectionBuilder top = new SectionBuilder("", SectionType.OTHER);
            out.add(top);
            content(body, top, out);
        }
        if (floats != null) {
            // a float kept apart from the text belongs to the section that first points at it
            SectionBuilder floating = null;
            for (Element f : floats.children()) {
                SectionType type = firstCitedIn.getOrDefault(f.id(), SectionType.OTHER);
                if (floating == null || floating.type != type) {
                    floating = new SectionBuilder("", type);
                    out.add(floating);
                }
                if (InlineTextReader.FLOATS.contains(f.normalName())) floatElement(f, floating, out);
            }
        }
        List<Section> sections = new ArrayList<>(out.size());
        for (SectionBuilder b : out) {
            if (!b.paragraphs.isEmpty()) sections.add(new Section(b.heading, b.type, b.paragraphs));
        }
        return sections;
    }

    private void content(Element parent, SectionBuilder current, List<SectionBuilder> out) {
        for (Element child : parent.children()) {
            String name = child.normalName();
            if (name.equals("sec")) {
                section(child, current, out);
            } else if (name.equals("p")) {
                paragraph(child, current, out, false);
            } else if (InlineTextReader.FLOATS.contains(name)) {
                floatElement(child, current, out);
            } else if (CONTAINERS.contains(name)) {
                content(child, current, out);
            }
            // title, label, tables, ref-lists, footnote groups and the like hold no running text
        }
    }

    private void section(Element sec, SectionBuilder parent, List<SectionBuilder> out) {
        Element title = Dom.child(sec, "title");
        String heading = title == null ? "" : JatsText.of(title);
        SectionType type = SectionTypes.classify(sec.attr("sec-type"), heading);
        if (type == SectionType.OTHER) type = parent.type;
        SectionBuilder builder = new SectionBuilder(heading, type);
        out.add(builder);
        content(sec, builder, out);
    }

    private void paragraph(Element p, SectionBuilder current, List<SectionBuilder> out, boolean caption) {
        InlineTextReader reader = InlineTextReader.read(p);
        String text = reader.text();
        if (!text.isEmpty() || !reader.markers().isEmpty()) {
            current.paragraphs.add(new Paragraph(text, linker.link(text, reader.markers()), caption));
        }
        for (String target : reader.floatTargets()) firstCitedIn.putIfAbsent(target, current.type);
        for (Element f : reader.floats()) floatElement(f, current, out);
    }

    /** Caption title and paragraphs, table footnotes, then whatever the float holds (a box's own paragraphs). */
    private void floatElement(Element f, SectionBuilder current, List<SectionBuilder> out) {
        for (Element child : f.children()) {
            switch (child.normalName()) {
                case "caption" -> {
                    for (Element c : child.children()) {
                        if (c.normalName().equals("title") || c.normalName().equals("p")) {
                            paragraph(c, current, out, true);
                        }
                    }
                }
                case "table-wrap-foot" -> footnotes(child, current, out);
                case "attrib" -> paragraph(child, current, out, true);
                case "p" -> paragraph(child, current, out, !f.normalName().equals("boxed-text"));
                case "sec" -> section(child, current, out);
                default -> {
                    if (InlineTextReader.FLOATS.contains(child.normalName())) floatElement(child, current, out);
                    else if (CONTAINERS.contains(child.normalName())) content(child, current, out);
                }
            }
        }
    }

    /** Table footnotes and attributions ("Data from Itoh et al. (2017)"), as caption paragraphs. */
    private void footnotes(Element foot, SectionBuilder current, List<SectionBuilder> out) {
        for (Element child : foot.children()) {
            switch (child.normalName()) {
                case "p", "attrib", "title" -> paragraph(child, current, out, true);
                case "fn", "fn-group" -> {
                    if (Dom.first(child, "p", "fn") == null) paragraph(child, current, out, true);
                    else footnotes(child, current, out);
                }
                default -> {}
            }
        }
    }

    private static final class SectionBuilder {
        final String heading;
        final SectionType type;
        final List<Paragraph> paragraphs = new ArrayList<>();

        SectionBuilder(String heading, SectionType type) {
            this.heading = heading;
            this.type = type;
        }
    }
}
