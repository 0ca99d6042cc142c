package org.citelens.model;

import java.io.Serializable;

/** One author as written in the source: surname and given names (either may be empty, never null). */
public record Author(String surname, String givenNames) implements Serializable {
    public Author {
        surname = surname == null ? "" : surname.strip();
        givenNames = givenNames == null ? "" : givenNames.strip();
    }

    /** First letter of the given names, upper case, or empty: used for self-citation matching. */
    public String initial() {
        return givenNames.isEmpty() ? "" : givenNames.substring(0, 1).toUpperCase(java.util.Locale.ROOT);
    }
}
