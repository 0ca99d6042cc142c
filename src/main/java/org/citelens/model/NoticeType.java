package org.citelens.model;

import java.util.Locale;

/**
 * The kinds of editorial notice a work can carry; {@link #wireName()} is the value of the API's {@code notice}
 * filter and of a notice's {@code type}.
 */
public enum NoticeType {
    RETRACTION,
    CORRECTION,
    /** An expression of concern: the journal flags the work without (yet) retracting it. */
    CONCERN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; "expression-of-concern" and "erratum" are accepted as the JATS article types say them. */
    public static NoticeType fromWireName(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "retraction", "retracted" -> RETRACTION;
            case "correction", "erratum", "corrigendum" -> CORRECTION;
            case "concern", "expression-of-concern", "expression of concern" -> CONCERN;
            default ->
                throw new IllegalArgumentException(
                        "unknown notice type '" + value + "': expected retraction, correction or concern");
        };
    }
}
