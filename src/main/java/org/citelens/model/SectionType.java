package org.citelens.model;

import java.util.Locale;

/** The rhetorical section a statement stands in; {@link #wireName()} is the value used in the index and API. */
public enum SectionType {
    INTRODUCTION,
    METHODS,
    RESULTS,
    DISCUSSION,
    OTHER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; throws IllegalArgumentException naming the allowed values. */
    public static SectionType fromWireName(String value) {
        for (SectionType t : values()) {
            if (t.wireName().equalsIgnoreCase(value == null ? "" : value.strip())) return t;
        }
        throw new IllegalArgumentException(
                "unknown section '" + value + "': expected introduction, methods, results, discussion or other");
    }
}
