package org.citelens.resolve;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Folds bibliographic text the way references vary: accents, case, punctuation, stop words, name particles and
 * journal abbreviations. Everything the resolver compares goes through here, so a key or a score never depends on
 * how one article happened to typeset a title.
 */
public final class TextNormalizer {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKUP = Pattern.compile("<[^>]{1,40}>");

    /** Words that carry no identity in a title; dropped from the fingerprint and from matching. */
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "as", "is", "are",
            "was", "were", "be", "its", "their", "into", "via", "under", "during", "using", "between", "among",
            "within", "through", "than", "that", "this", "these", "which", "de", "la", "le", "et", "der", "die", "und");

    /** Particles that one article prints as part of the surname and another leaves out ("van der Berg"). */
    private static final Set<String> SURNAME_PARTICLES = Set.of(
            "van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "dos", "das", "des", "le", "la", "ten",
            "ter", "el", "al", "st", "mc", "mac");

    /** Journal-title words that abbreviations drop ("Journal of", "and", "the"). */
    private static final Set<String> JOURNAL_STOP_WORDS = Set.of("of", "the", "and", "in", "on", "for", "de", "la");

    private static final String GREEK = "αβγδεζηθικλμνξοπρστυφχψως";
    private static final String[] GREEK_NAMES = {
        "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu",
        "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega", "sigma"
    };

    private TextNormalizer() {}

    /** Unicode NFKD, accents stripped, lower case, ligatures spelled out, markup and punctuation as spaces. */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) return "";
        String s = text.indexOf('<') >= 0 ? MARKUP.matcher(text).replaceAll(" ") : text;
        s = Normalizer.normalize(s, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
        if (!isAscii(s)) s = spellOut(s);
        return NON_ALNUM.matcher(s).replaceAll(" ").strip();
    }

    /** Folded title words without stop words, in title order. */
    public static List<String> titleTokens(String title) {
        List<String> out = new ArrayList<>();
        for (String t : fold(title).split(" ")) {
            if (!t.isEmpty() && !STOP_WORDS.contains(t)) out.add(t);
        }
        return out;
    }

    /** The words of a title that identify it; equal for every typesetting of the same title. */
    public static String titleFingerprint(String title) {
        return String.join(" ", titleTokens(title));
    }

    /**
     * A surname as one comparable word: accents folded, particles, hyphens and spaces dropped
     * ("van der Berg" = "Berg", "Irwin-Rogers" = "Irwin Rogers" = "irwinrogers").
     */
    public static String surnameKey(String surname) {
        String[] parts = fold(surname).split(" ");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            // a particle is only dropped before another word: "De" alone is a surname
            boolean particle = SURNAME_PARTICLES.contains(parts[i]) && i < parts.length - 1;
            if (!particle) sb.append(parts[i]);
        }
        return sb.toString();
    }

    /** Journal words without the connectives abbreviations drop. */
    public static List<String> journalTokens(String journal) {
        List<String> out = new ArrayList<>();
        for (String t : fold(journal).split(" ")) {
            if (!t.isEmpty() && !JOURNAL_STOP_WORDS.contains(t)) out.add(t);
        }
        return out;
    }

    /**
     * How well two journal names agree, abbreviations included: each word of the shorter name must be a prefix
     * of a word of the longer one, in order ("J Exp Bot" = "Journal of Experimental Botany"). 0..1.
     */
    public static double journalSimilarity(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) return 0;
        List<String> shorter = a.size() <= b.size() ? a : b;
        List<String> longer = shorter == a ? b : a;
        int matched = 0;
        int j = 0;
        for (String word : shorter) {
            for (int k = j; k < longer.size(); k++) {
                if (longer.get(k).startsWith(word) || word.startsWith(longer.get(k))) {
                    matched++;
                    j = k + 1;
                    break;
                }
            }
        }
        // unmatched words of the longer name count against it, but abbreviations legitimately drop a few
        return matched / (double) Math.max(shorter.size(), Math.min(longer.size(), shorter.size() + 1));
    }

    /** The first page (or article number) of a page range, lower case without leading zeros; empty when none. */
    public static String firstPage(String pages) {
        if (pages == null) return "";
        String p = fold(pages);
        int space = p.indexOf(' ');
        if (space >= 0) p = p.substring(0, space);
        int i = 0;
        while (i < p.length() - 1 && p.charAt(i) == '0') i++;
        return p.substring(i);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) return false;
        }
        return true;
    }

    /** Letters NFKD does not decompose. */
    private static String spellOut(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 'ß' -> sb.append("ss");
                case 'æ' -> sb.append("ae");
                case 'œ' -> sb.append("oe");
                case 'ø' -> sb.append('o');
                case 'ł' -> sb.append('l');
                case 'đ', 'ð' -> sb.append('d');
                case 'ı' -> sb.append('i');
                case 'þ' -> sb.append("th");
                default -> {
                    // "β-glucan" and "beta-glucan" are the same title
                    int g = GREEK.indexOf(c);
                    if (g >= 0) sb.append(GREEK_NAMES[g]);
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
