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
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isInvisible(c)) continue;
            if (isSpace(c)) {
                pendingSpace = text.length() > 0;
            } else {
                if (pendingSpace) {
                    text.append(' ');
                    pendingSpace = false;
                }
                if (marking && firstSinceMark < 0) firstSinceMark = text.length();
                text.append(c);
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
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Zero-width characters and soft hyphens: neither text nor a word break. */
    private static boolean isInvisible(char c) {
        return c == '\u200b' || c == '\u200c' || c == '\u200d' || c == '\u2060' || c == '\ufeff' || c == '\u00ad';
    }
}
