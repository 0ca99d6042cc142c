package org.citelens.extract;

import java.util.Locale;
import java.util.Set;

/**
 * Corpus-aware vetoes on a proposed sentence boundary in scientific prose: abbreviations ("et al.", "Fig.",
 * "e.g.", "ca."), initials and abbreviated genus names ("S. italica"), and continuations in lower case.
 * Stateless and thread-safe.
 */
final class BoundaryRules {
    /** Abbreviations that end with a full stop but practically never end a sentence (compared in lower case). */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "al", "fig", "figs", "e.g", "i.e", "vs", "ca", "approx", "cf", "eq", "eqs", "ref", "refs", "no", "nos",
            "subsp", "ssp", "dr", "prof", "resp", "viz", "tab", "suppl", "supp", "sect", "chap", "vol", "vols", "pp",
            "mr", "mrs", "ms", "diam", "conc", "incl", "esp", "a.k.a", "nr", "var", "cv", "cvs", "ver", "spec", "lit",
            "orig", "sing", "pl", "i.d", "v", "acc");

    private BoundaryRules() {}

    /**
     * Whether a boundary between {@code text[..end)} (the sentence so far, ending in its punctuation) and a
     * sentence starting at {@code next} must be refused.
     */
    static boolean veto(String text, int end, int next) {
        if (next >= text.length()) return false;
        if (end > 0 && end == next) return true; // no space: decimals, "reported.Next" typos, URLs
        int stop = end - 1;
        while (stop > 0 && "\"'”’)]".indexOf(text.charAt(stop)) >= 0) stop--;
        char last = text.charAt(stop);
        // only a full stop, question or exclamation mark ends a sentence: "8th–13th c., 2) information" goes on
        if (last != '.' && last != '?' && last != '!') return true;
        if (last != '.') return startsLowercaseWord(text, next);
        end = stop + 1;
        String token = tokenBefore(text, end - 1);
        if (token.isEmpty()) return false;
        String lower = token.toLowerCase(Locale.ROOT);
        if (ABBREVIATIONS.contains(lower)) return true;
        if (isInitial(token)) {
            // "S. italica", "J. R. Smith": an initial followed by a lower-case epithet or another initial
            return startsLowercaseWord(text, next) || isInitialAt(text, next) || isAuthorEtAl(text, next);
        }
        return startsLowercaseWord(text, next);
    }

    /** "P. Millet et al.": an initial before a surname that "et al." follows is a name, not a sentence end. */
    private static boolean isAuthorEtAl(String text, int at) {
        int space = text.indexOf(' ', at);
        return space > at && space - at < 30 && text.startsWith(" et al", space);
    }

    /** "al" (of "et al."), "Fig", "e.g", a single capital: a full stop after it is not an end. */
    static boolean isAbbreviationOrInitial(String token) {
        return token.isEmpty() || isInitial(token) || ABBREVIATIONS.contains(token.toLowerCase(Locale.ROOT));
    }

    /** The word before the full stop at {@code dot}, e.g. "al" in "et al.", "e.g" in "e.g.". */
    static String tokenBefore(String text, int dot) {
        int i = dot;
        while (i > 0 && !Character.isWhitespace(text.charAt(i - 1)) && "([{\"“'‘".indexOf(text.charAt(i - 1)) < 0) i--;
        return text.substring(i, dot);
    }

    private static boolean isInitial(String token) {
        return token.length() == 1 && Character.isUpperCase(token.charAt(0));
    }

    private static boolean isInitialAt(String text, int at) {
        return at + 1 < text.length()
                && Character.isUpperCase(text.charAt(at))
                && text.charAt(at + 1) == '.'
                && (at + 2 == text.length() || Character.isWhitespace(text.charAt(at + 2)));
    }

    /**
     * A word in lower case continues the sentence: "et al. reported", "S. italica". Gene and unit names that are
     * written in lower case but start sentences ("mRNA", "pH", "qRT-PCR", "tFA") are not continuations.
     */
    static boolean startsLowercaseWord(String text, int at) {
        if (at >= text.length() || !Character.isLowerCase(text.charAt(at))) return false;
        for (int i = at + 1; i < text.length() && i < at + 12; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) break;
            // digits do not count: "lycopersici25" is an epithet with its superscript marker
            if (Character.isUpperCase(c)) return false;
        }
        return true;
    }
}
