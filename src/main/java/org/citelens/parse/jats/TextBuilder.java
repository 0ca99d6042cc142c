package org.citelens.parse.jats;

/**
 * Accumulates plain text with whitespace normalised as it is written (every run of Unicode spaces, line breaks
 * and no-break spaces becomes one ASCII space, none at either end), so that offsets taken while writing are the
 * final offsets of the text.
 */
final class TextBuilder {
    private final StringBuilder text = new StringBuilder();
    private boolean pendingSpace;
    private int firstSinceMark = -1;
    private boolean marking;

    void append(CharSequence s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (isInvisible(c)) {
                i++;
            } else if (isSpace(c)) {
                pendingSpace = text.length() > 0;
                i++;
            } else {
                if (pendingSpace) {
                    text.append(' ');
                    pendingSpace = false;
                }
                if (marking && firstSinceMark < 0) firstSinceMark = text.length();
                // copy the run of ordinary characters in one go
                int j = i + 1;
                while (j < n && !isSpace(s.charAt(j)) && !isInvisible(s.charAt(j))) j++;
                text.append(s, i, j);
                i = j;
            }
        }
    }

    /** A soft boundary between blocks: a space unless the text already ends with one or is empty. */
    void space() {
        pendingSpace = text.length() > 0;
    }

    /** Starts watching for the first character written from now on (the start of a marker). */
    void mark() {
        marking = true;
        firstSinceMark = -1;
    }

    /** Offset of the first character written since {@link #mark()}, or -1 when nothing was written. */
    int endMark() {
        marking = false;
        return firstSinceMark;
    }

    /** Offset just past the last character written (pending spaces are not written yet). */
    int length() {
        return text.length();
    }

    String text() {
        return text.toString();
    }

    static boolean isSpace(char c) {
        if (c == ' ') return true;
        if (c < 0x80) return c >= '\t' && c <= '\r' || c >= 0x1c && c <= 0x1f;
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Zero-width characters and soft hyphens: neither text nor a word break. */
    private static boolean isInvisible(char c) {
        return c == '\u200b' || c == '\u200c' || c == '\u200d' || c == '\u2060' || c == '\ufeff' || c == '\u00ad';
    }
}
