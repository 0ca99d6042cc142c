package org.citelens.model;

import java.util.Locale;

/** What a citation statement says of the cited work; {@link #wireName()} is the value used everywhere outside. */
public enum Label {
    SUPPORTING,
    CONTRASTING,
    MENTIONING,
    UNCLASSIFIED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name ("contradicting" is accepted for contrasting, as scite's clients say it). */
    public static Label fromWireName(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("contradicting")) return CONTRASTING;
        for (Label l : values()) {
            if (l.wireName().equals(v)) return l;
        }
        throw new IllegalArgumentException(
                "unknown label '" + value + "': expected supporting, contrasting, mentioning or unclassified");
    }
}
