package org.citelens.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import org.citelens.model.CitationMention;

/**
 * Splits a paragraph into sentences: OpenNLP's English model proposes boundaries, corpus-aware rules veto the
 * ones scientific prose does not mean ({@link BoundaryRules}), and the paragraph's citation markers are respected:
 * never a boundary inside a marker or inside brackets, and a numeric marker written right after a full stop
 * ("as reported.12 Next", "as reported. [12] Next") ends the sentence before it.
 * Thread-safe: the model is shared, each thread gets its own detector.
 */
public final class SentenceSplitter {
    /** The model inside opennlp-models-sentdetect-en (Universal Dependencies English Web Treebank). */
    static final String MODEL_RESOURCE = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";

    private static final int MAX_BRACKET_SPAN = 600;

    /** Where boundaries are proposed before the rules vet them; measured in docs/quality.md. */
    public enum Mode {
        MODEL,
        RULES,
        MODEL_AND_RULES
    }

    private final ThreadLocal<SentenceDetectorME> detector;
    private final Mode mode;

    public SentenceSplitter() {
        this(Mode.MODEL_AND_RULES);
    }

    public SentenceSplitter(Mode mode) {
        this.mode = mode;
        SentenceModel model = loadModel();
        this.detector = ThreadLocal.withInitial(() -> new SentenceDetectorME(model));
    }

    private static SentenceModel loadModel() {
        try (InputStream in = SentenceSplitter.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null)
                throw new IllegalStateException("sentence model " + MODEL_RESOURCE + " missing from the classpath");
            return new SentenceModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sentence model " + MODEL_RESOURCE, e);
        }
    }

    public List<SentenceSpan> split(String text) {
        return split(text, List.of());
    }

    /** @param markers the paragraph's citation markers, in text order */
    public List<SentenceSpan> split(String text, List<CitationMention> markers) {
        if (text.isBlank()) return List.of();
        TreeSet<Integer> starts = new TreeSet<>();
        if (mode != Mode.RULES) {
            for (opennlp.tools.util.Span s : detector.get().sentPosDetect(text)) {
                if (s.getStart() > 0) starts.add(s.getStart());
            }
        }
        if (mode != Mode.MODEL) starts.addAll(RuleCandidates.starts(text));
        boolean[] enclosed = enclosed(text, markers);
        List<Integer> accepted = new ArrayList<>();
        for (int start : starts) {
            int end = trimEnd(text, start);
            if (end == 0 || enclosed[start] || BoundaryRules.veto(text, end, start)) continue;
            accepted.add(start);
        }
        TreeSet<Integer> boundaries = new TreeSet<>();
        for (int b : accepted) {
            int kept = afterMarkersAtStart(text, b, markers);
            if (kept >= 0) boundaries.add(kept);
        }
        for (int b : markerAfterFullStop(text, markers)) {
            if (!enclosed[b]) boundaries.add(b);
        }
        return spans(text, boundaries);
    }

    /** Offsets where no sentence may start: inside a marker, or inside a matched pair of brackets. */
    private static boolean[] enclosed(String text, List<CitationMention> markers) {
        int n = text.length();
        int[] depthChange = new int[n + 1];
        int[] stack = new int[64];
        char[] open = new char[64];
        int top = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                if (top == stack.length) break; // pathological nesting: bracket rule gives up, markers still hold
                stack[top] = i;
                open[top++] = c;
            } else if (c == ')' || c == ']' || c == '}') {
                char expected = c == ')' ? '(' : c == ']' ? '[' : '{';
                int k = top - 1;
                while (k >= 0 && open[k] != expected) k--;
                if (k < 0) continue; // a closer without opener ("1) first") is not a pair
                int o = stack[k];
                top = k;
                if (i - o <= MAX_BRACKET_SPAN) {
                    depthChange[o + 1]++;
                    depthChange[i + 1]--;
                }
            }
        }
        for (CitationMention m : markers) {
            if (m.end() > m.start() + 1 && m.end() <= n) {
                depthChange[m.start() + 1]++;
                depthChange[m.end()]--;
            }
        }
        boolean[] enclosed = new boolean[n + 1];
        int depth = 0;
        for (int i = 0; i <= n; i++) {
            depth += depthChange[i];
            enclosed[i] = depth > 0;
        }
        return enclosed;
    }

    /**
     * A boundary proposed right before a numeric marker that follows a full stop belongs after the marker: "as
     * reported. 12 Next" moves past the marker (and the markers chained to it); "etc. [37]. Bacillus" and
     * "Bacillus sp. [52,53,54]. Therefore" and "conditions. (Sandhya et al., 2010). Free" are dropped, as the
     * stop after the marker ends that sentence.
     *
     * @return the boundary to keep, or -1 to drop it
     */
    private static int afterMarkersAtStart(String text, int boundary, List<CitationMention> markers) {
        boolean bracketed = boundary < text.length() && (text.charAt(boundary) == '[' || text.charAt(boundary) == '(');
        int at = bracketed ? boundary + 1 : boundary;
        for (CitationMention m : markers) {
            // "conditions. (Sandhya et al., 2010). Free": a bracketed citation of any style closes the sentence before
            if (m.start() == at && (bracketed || isNumeric(m.marker()))) {
                int end = chainEnd(text, m, markers);
                while (end < text.length() && (text.charAt(end) == ']' || text.charAt(end) == ')')) end++;
                if (end < text.length() && !Character.isWhitespace(text.charAt(end))) return -1;
                return skipSpaces(text, end);
            }
        }
        return boundary;
    }

    /** "as reported.12 Next": the model sees one token "reported.12"; the marker closes the sentence. */
    private static List<Integer> markerAfterFullStop(String text, List<CitationMention> markers) {
        List<Integer> out = new ArrayList<>();
        for (CitationMention m : markers) {
            int before = m.start() - 1;
            if (before >= 0 && text.charAt(before) == ' ') before--;
            if (before < 1 || text.charAt(before) != '.' || !isNumeric(m.marker())) continue;
            // "et al.34 LC-MSE data were": a superscript after "et al." ends the sentence when a capital follows
            String token = BoundaryRules.tokenBefore(text, before);
            if (token.isEmpty() || token.length() == 1 && Character.isUpperCase(token.charAt(0))) continue;
            int end = chainEnd(text, m, markers);
            int next = skipSpaces(text, end);
            if (next > end && next < text.length() && startsSentence(text.charAt(next))) out.add(next);
        }
        return out;
    }

    private static int chainEnd(String text, CitationMention first, List<CitationMention> markers) {
        int end = first.end();
        for (CitationMention m : markers) {
            if (m.start() <= end) continue;
            String gap = text.substring(end, m.start());
            if (gap.length() > 2 || !gap.strip().matches("[,;–\\-]?")) break;
            end = m.end();
        }
        return end;
    }

    private static boolean isNumeric(String marker) {
        if (marker.isEmpty()) return false;
        for (int i = 0; i < marker.length(); i++) {
            char c = marker.charAt(i);
            if (!Character.isDigit(c) && "[](),–-— ".indexOf(c) < 0) return false;
        }
        return Character.isDigit(marker.charAt(0)) || marker.charAt(0) == '[' || marker.charAt(0) == '(';
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '(' || c == '[' || c == '“' || c == '"';
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        return i;
    }

    /** End of the sentence that precedes a sentence starting at {@code start}: trailing spaces left out. */
    private static int trimEnd(String text, int start) {
        int e = start;
        while (e > 0 && Character.isWhitespace(text.charAt(e - 1))) e--;
        return e;
    }

    private static List<SentenceSpan> spans(String text, TreeSet<Integer> boundaries) {
        List<SentenceSpan> out = new ArrayList<>(boundaries.size() + 1);
        int start = skipSpaces(text, 0);
        for (int b : boundaries) {
            if (b <= start || b >= text.length()) continue;
            int end = trimEnd(text, b);
            if (end > start) out.add(new SentenceSpan(start, end));
            start = skipSpaces(text, b);
        }
        int end = text.stripTrailing().length();
        if (end > start) out.add(new SentenceSpan(start, end));
        return out;
    }
}
