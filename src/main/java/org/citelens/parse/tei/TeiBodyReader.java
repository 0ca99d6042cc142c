package org.citelens.parse.tei;

import static org.citelens.parse.tei.TeiElements.child;
import static org.citelens.parse.tei.TeiElements.children;
import static org.citelens.parse.tei.TeiElements.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.citelens.model.Paragraph;
import org.citelens.model.Section;
import org.citelens.model.SectionType;
import org.citelens.parse.MarkedTextBuilder;
import org.citelens.parse.MentionRanges;
import org.citelens.parse.SectionTypes;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Reads TEI {@code div}s into sections and their {@code p}s into paragraphs: {@code ref type="bibr"} callouts become
 * mentions with their text as written (stray brackets included), callouts without a target or with an unknown target
 * become unlinked mentions, and {@code <s>} elements give the sentence starts.
 */
final class TeiBodyReader {
    private final Set<String> knownIds;
    private final MentionRanges ranges;

    TeiBodyReader(Set<String> knownIds, MentionRanges ranges) {
        this.knownIds = knownIds;
        this.ranges = ranges;
    }

    List<Section> sections(Element container, String defaultHeading) {
        List<Section> out = new ArrayList<>();
        if (container == null) return out;
        List<Paragraph> loose = new ArrayList<>();
        for (Element child : container.children()) {
            String name = local(child);
            if (name.equals("div")) readDiv(child, out, null);
            else if (name.equals("p")) loose.add(paragraph(child, false));
            else if (name.equals("figure")) captions(child, loose);
        }
        if (!loose.isEmpty()) out.add(new Section(defaultHeading, SectionTypes.classify(null, defaultHeading), loose));
        return out;
    }

    private void readDiv(Element div, List<Section> out, SectionType inherited) {
        String heading = TeiElements.text(child(div, "head"));
        SectionType type = SectionTypes.classify(div.attr("type"), heading);
        if (type == SectionType.OTHER && inherited != null) type = inherited;
        List<Paragraph> paragraphs = new ArrayList<>();
        for (Element child : div.children()) {
            String name = local(child);
            if (name.equals("p")) paragraphs.add(paragraph(child, false));
            else if (name.equals("figure")) captions(child, paragraphs);
        }
        paragraphs.removeIf(p -> p.text().isEmpty());
        if (!paragraphs.isEmpty()) out.add(new Section(heading, type, paragraphs));
        for (Element nested : children(div, "div")) readDiv(nested, out, type);
    }

    private void captions(Element figure, List<Paragraph> into) {
        Element desc = child(figure, "figdesc");
        if (desc != null) into.add(paragraph(desc, true));
    }

    Paragraph paragraph(Element p, boolean caption) {
        MarkedTextBuilder text = new MarkedTextBuilder();
        List<Integer> sentenceStarts = new ArrayList<>();
        NodeTraversor.filter(
                new NodeFilter() {
                    @Override
                    public FilterResult head(Node node, int depth) {
                        if (node instanceof TextNode t) {
                            text.append(t.getWholeText());
                        } else if (node instanceof Element e) {
                            String name = local(e);
                            if (name.equals("s")) {
                                sentenceStarts.add(text.length());
                            } else if (name.equals("ref") && e.attr("type").equals("bibr")) {
                                text.appendMarker(e.text(), targets(e.attr("target")));
                                return FilterResult.SKIP_ENTIRELY;
                            } else if (name.equals("note") || name.equals("figure")) {
                                return FilterResult.SKIP_ENTIRELY;
                            }
                        }
                        return FilterResult.CONTINUE;
                    }
                },
                p);
        String t = text.text();
        List<Integer> starts =
                sentenceStarts.stream().filter(s -> s < t.length()).distinct().toList();
        return new Paragraph(t, ranges.resolve(t, text.placed()), caption, starts);
    }

    /** Target ids a callout names that the bibliography has; none when GROBID could not link it. */
    private List<String> targets(String target) {
        List<String> ids = new ArrayList<>();
        for (String t : target.trim().split("\\s+")) {
            String id = t.startsWith("#") ? t.substring(1) : t;
            if (!id.isEmpty() && knownIds.contains(id)) ids.add(id);
        }
        return ids;
    }
}
