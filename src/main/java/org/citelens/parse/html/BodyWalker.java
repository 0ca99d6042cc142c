package org.citelens.parse.html;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.citelens.model.CitationMention;
import org.citelens.model.Paragraph;
import org.citelens.model.Section;
import org.citelens.model.SectionType;
import org.citelens.parse.MarkedTextBuilder;
import org.citelens.parse.SectionTypes;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Walks the body container in document order and cuts it into sections (at headings) and paragraphs (at block
 * boundaries), placing each citation anchor's text at its exact offset. Iterative, so deep nesting cannot overflow
 * the stack; the reference list, tables and repeated blocks (figure viewers duplicate captions) are skipped.
 */
final class BodyWalker {
    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "section",
            "article",
            "li",
            "ul",
            "ol",
            "dl",
            "dt",
            "dd",
            "blockquote",
            "figure",
            "figcaption",
            "pre",
            "main",
            "aside",
            "header",
            "footer",
            "hr",
            "address",
            "fieldset",
            "center",
            "form",
            "details",
            "summary",
            "caption",
            "body");
    private static final int MIN_PARAGRAPH = 20;
    private static final int MIN_DEDUPLICATED = 40;

    /** Finds markers in a finished paragraph; anchors already found are passed in. */
    interface MarkerFinder {
        List<CitationMention> find(String text, List<MarkedTextBuilder.Placed> anchors, List<int[]> superscripts);
    }

    private record Level(int level, SectionType type) {}

    List<Section> walk(Element container, ReferenceList refs, MarkerFinder markers) {
        List<Section> sections = new ArrayList<>();
        State state = new State(refs, markers, sections);
        NodeTraversor.filter(state, container);
        state.flush();
        state.closeSection();
        return sections;
    }

    private static final class State implements NodeFilter {
        private final ReferenceList refs;
        private final MarkerFinder markers;
        private final List<Section> sections;
        private final Deque<Level> headings = new ArrayDeque<>();
        private final Set<String> seen = new HashSet<>();
        private final Deque<Integer> supStarts = new ArrayDeque<>();
        private String heading = "";
        private SectionType type = SectionType.OTHER;
        private List<Paragraph> paragraphs = new ArrayList<>();
        private MarkedTextBuilder current = new MarkedTextBuilder();
        private int captionDepth;
        private boolean currentIsCaption;

        State(ReferenceList refs, MarkerFinder markers, List<Section> sections) {
            this.refs = refs;
            this.markers = markers;
            this.sections = sections;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
                if (current.isEmpty()) currentIsCaption = captionDepth > 0;
                current.append(t.getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e)) return FilterResult.CONTINUE;
            String tag = e.normalName();
            if (refs.entries().contains(e) || tag.equals("table") || tag.equals("math") || tag.equals("head")) {
                flush();
                return FilterResult.SKIP_ENTIRELY;
            }
            var targets = refs.anchors().get(e);
            if (targets != null) {
                if (current.isEmpty()) currentIsCaption = captionDepth > 0;
                current.appendMarker(e.text(), targets);
                return FilterResult.SKIP_ENTIRELY;
            }
            if (isHeading(tag)) {
                flush();
                startSection(e.text().strip(), tag.charAt(1) - '0');
                return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals("br")) {
                current.space();
            } else if (tag.equals("sup")) {
                supStarts.push(current.length());
            } else if (BLOCKS.contains(tag)) {
                flush();
            }
            if (isCaption(e)) captionDepth++;
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("sup") && !supStarts.isEmpty()) current.superscript(supStarts.pop());
                else if (BLOCKS.contains(tag)) flush();
                if (isCaption(e)) captionDepth--;
            }
            return FilterResult.CONTINUE;
        }

        private void startSection(String text, int level) {
            closeSection();
            while (!headings.isEmpty() && headings.peek().level() >= level) headings.pop();
            SectionType t = SectionTypes.classify(null, text);
            if (t == SectionType.OTHER && !headings.isEmpty())
                t = headings.peek().type();
            headings.push(new Level(level, t));
            heading = text;
            type = t;
        }

        void closeSection() {
            if (!paragraphs.isEmpty()) sections.add(new Section(heading, type, paragraphs));
            paragraphs = new ArrayList<>();
        }

        void flush() {
            MarkedTextBuilder p = current;
            current = new MarkedTextBuilder();
            supStarts.clear();
            if (p.isEmpty()) return;
            String text = p.text();
            List<CitationMention> found = markers.find(text, p.placed(), p.superscripts());
            if (text.length() < MIN_PARAGRAPH && found.isEmpty()) return;
            if (text.length() >= MIN_DEDUPLICATED && !seen.add(text)) return;
            paragraphs.add(new Paragraph(text, found, currentIsCaption));
        }
    }

    private static boolean isHeading(String tag) {
        return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
    }

    private static boolean isCaption(Element e) {
        if (e.normalName().equals("figcaption") || e.normalName().equals("caption")) return true;
        for (String c : e.classNames()) {
            String l = c.toLowerCase(java.util.Locale.ROOT);
            if (l.equals("caption") || l.startsWith("caption") || l.endsWith("caption") || l.equals("fig-caption"))
                return true;
        }
        return false;
    }
}
