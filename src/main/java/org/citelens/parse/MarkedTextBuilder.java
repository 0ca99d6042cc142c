package org.citelens.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Accumulates one paragraph's text with whitespace collapsed as a browser shows it, recording where each citation
 * anchor's text lands and where superscripts are (numeric markers in pages without anchors are often superscripts).
 */
public final class MarkedTextBuilder {
    /** A marker placed at an exact span of the text, with the reference ids its anchor targets. */
    public record Placed(int start, int end, List<String> refIds) {}

    private final StringBuilder text = new StringBuilder();
    private final List<Placed> placed = new ArrayList<>();
    private final List<int[]> superscripts = new ArrayList<>();
    private boolean pendingSpace;

    public void append(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0' || c == '\u2009' || c == '\u202F' || c == '\u200B') {
                pendingSpace = !text.isEmpty();
            } else {
                if (pendingSpace) text.append(' ');
                pendingSpace = false;
                text.append(c);
            }
        }
    }

    public void space() {
        pendingSpace = !text.isEmpty();
    }

    public void appendMarker(String raw, List<String> refIds) {
        int before = text.length();
        boolean spaceBefore = pendingSpace;
        append(raw.stripTrailing());
        if (text.length() == before) return;
        int start = before + (spaceBefore && text.charAt(before) == ' ' ? 1 : 0);
        placed.add(new Placed(start, text.length(), refIds));
        if (!raw.isEmpty() && Character.isWhitespace(raw.charAt(raw.length() - 1))) pendingSpace = true;
    }

    public int length() {
        return text.length() + (pendingSpace ? 1 : 0);
    }

    public void superscript(int start) {
        int s = Math.min(start, text.length());
        if (s < text.length() && text.charAt(s) == ' ') s++;
        if (s < text.length()) superscripts.add(new int[] {s, text.length()});
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    public String text() {
        return text.toString();
    }

    public List<Placed> placed() {
        return placed;
    }

    public List<int[]> superscripts() {
        return superscripts;
    }
}
