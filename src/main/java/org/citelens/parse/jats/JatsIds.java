package org.citelens.parse.jats;

import java.util.Locale;

/** Normalised forms of PubMed identifiers. */
public final class JatsIds {
    private JatsIds() {}

    /** "PMC" followed by digits, whatever the source wrote ("5209317", "PMC5209317", "pmc5209317"); else null. */
    public static String pmcid(String raw) {
        if (raw == null) return null;
        String s = raw.strip().toUpperCase(Locale.ROOT);
        if (s.startsWith("PMC")) s = s.substring(3);
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit) ? "PMC" + s : null;
    }

    /** Digits only, else null. */
    public static String pmid(String raw) {
        if (raw == null) return null;
        String s = raw.strip();
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit) ? s : null;
    }
}
