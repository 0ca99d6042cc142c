package org.citelens.extract;

import java.util.ArrayList;
import java.util.List;

/** Sentence spans from the sentence starts a source marks itself (TEI {@code <s>}), trimmed of spaces. */
final class SourceSentences {
    private SourceSentences() {}

    static List<SentenceSpan> spans(String text, List<Integer> starts) {
        List<SentenceSpan> out = new ArrayList<>(starts.size() + 1);
        List<Integer> bounds = new ArrayList<>();
        bounds.add(0);
        for (int s : starts) {
            if (s > bounds.get(bounds.size() - 1) && s < text.length()) bounds.add(s);
        }
        bounds.add(text.length());
        for (int i = 0; i + 1 < bounds.size(); i++) {
            int start = bounds.get(i);
            int end = bounds.get(i + 1);
            while (start < end && Character.isWhitespace(text.charAt(start))) start++;
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
            if (end > start) out.add(new SentenceSpan(start, end));
        }
        return out;
    }
}
