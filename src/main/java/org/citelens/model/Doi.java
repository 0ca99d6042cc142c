package org.citelens.model;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DOI normalisation used everywhere: lower case, no {@code doi:} or resolver prefix, no trailing punctuation. */
public final class Doi {
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");

    private Doi() {}

    /**
     * Normalises a DOI as users and documents write it ({@code DOI:10.1/X}, {@code https://doi.org/10.1/x},
     * percent-encoded slashes); empty when the text holds no DOI.
     */
    public static Optional<String> normalize(String raw) {
        if (raw == null) return Optional.empty();
        String s = raw.strip();
        if (s.contains("%")) {
            try {
                s = URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // not percent-encoded after all: keep the text as written
            }
        }
        Matcher m = DOI.matcher(s);
        if (!m.find()) return Optional.empty();
        String doi = m.group().toLowerCase(Locale.ROOT);
        while (!doi.isEmpty() && ".,;:)]}>'\"".indexOf(doi.charAt(doi.length() - 1)) >= 0) {
            // keep a closing bracket that closes one opened inside the DOI, e.g. 10.1016/0006-2952(92)90199-7
            char last = doi.charAt(doi.length() - 1);
            if ((last == ')' && count(doi, '(') >= count(doi, ')'))
                    || (last == ']' && count(doi, '[') >= count(doi, ']'))) break;
            doi = doi.substring(0, doi.length() - 1);
        }
        return doi.length() > 8 ? Optional.of(doi) : Optional.empty();
    }

    private static long count(String s, char c) {
        return s.chars().filter(ch -> ch == c).count();
    }
}
