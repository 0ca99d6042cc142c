package org.citelens.extract;

/** A sentence as offsets into its paragraph's text: {@code text.substring(start, end)}, no spaces at either end. */
public record SentenceSpan(int start, int end) {
    public SentenceSpan {
        if (start < 0 || end < start) throw new IllegalArgumentException("bad sentence span " + start + ".." + end);
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }
}
