package org.citelens.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the target citation marker by {@link #TARGET} and every other marker by {@link #OTHER}, so that the
 * model learns about "the cited work" rather than about "[12]" or "Smith et al.". When the target is unknown
 * (ACL sentiment rows) or not found in the sentence, every marker found is treated as the target.
 */
public final class MarkerMasker {
    public static final String TARGET = " tgtcit ";
    public static final String OTHER = " othcit ";

    /** Numeric brackets: "[12]", "[3-5, 7]". */
    private static final Pattern NUMERIC =
            Pattern.compile("\\[\\s*\\d+[a-z]?(?:\\s*[,;\\u2013\\u2014-]\\s*\\d+[a-z]?)*\\s*\\]");
    /** Author-year parentheses: "(Smith et al., 2015a; Lee 2019)". */
    private static final Pattern PARENTHESES = Pattern.compile("\\([^()]{0,200}?\\b(?:19|20)\\d\\d[a-z]?\\s*\\)");
    /** Narrative author-year: "Smith et al. (2015)", "Jing and McKeown (2000)", "Smith et al., 2015". */
    private static final Pattern NARRATIVE = Pattern.compile(
            "\\b\\p{Lu}[\\p{L}'\\u2019-]+(?:\\s+et\\s+al\\.?|\\s+(?:and|&)\\s+\\p{Lu}[\\p{L}'\\u2019-]+)?\\s*,?\\s*\\(\\s*(?:19|20)\\d\\d[a-z]?\\s*\\)"
                    + "|\\b\\p{Lu}[\\p{L}'\\u2019-]+\\s+et\\s+al\\.?,?\\s*(?:(?:19|20)\\d\\d[a-z]?)?");

    private MarkerMasker() {}

    public static String mask(ClassifierInput input) {
        String s = input.sentence();
        StringBuilder out = new StringBuilder(s.length() + 16);
        int targetAt = find(s, input.targetMarker());
        List<int[]> spans = new ArrayList<>();
        if (targetAt >= 0)
            spans.add(new int[] {targetAt, targetAt + input.targetMarker().length(), 1});
        for (String other : input.otherMarkers()) {
            int at = find(s, other);
            if (at >= 0 && !overlaps(spans, at, at + other.length())) spans.add(new int[] {at, at + other.length(), 0});
        }
        // Each pattern runs only when its opening character or phrase occurs: most sentences need one of them.
        if (s.indexOf('[') >= 0) addAll(NUMERIC, s, spans, targetAt < 0);
        // Narrative before parentheses, so "Smith et al. (2015)" is one marker, not a name and a year.
        if (s.contains("et al") || s.indexOf('(') >= 0) addAll(NARRATIVE, s, spans, targetAt < 0);
        if (s.indexOf('(') >= 0) addAll(PARENTHESES, s, spans, targetAt < 0);
        spans.sort((a, b) -> Integer.compare(a[0], b[0]));
        int pos = 0;
        for (int[] span : spans) {
            out.append(s, pos, span[0]).append(span[2] == 1 ? TARGET : OTHER);
            pos = span[1];
        }
        return out.append(s, pos, s.length()).toString();
    }

    private static void addAll(Pattern p, String s, List<int[]> spans, boolean asTarget) {
        Matcher m = p.matcher(s);
        while (m.find()) {
            if (!overlaps(spans, m.start(), m.end())) spans.add(new int[] {m.start(), m.end(), asTarget ? 1 : 0});
        }
    }

    /** First occurrence of the marker not glued to letters or digits ("9" must not match inside "2019"). */
    static int find(String s, String marker) {
        if (marker == null || marker.isBlank()) return -1;
        int from = 0;
        while (true) {
            int at = s.indexOf(marker, from);
            if (at < 0) return -1;
            int end = at + marker.length();
            boolean leftOk = at == 0
                    || !Character.isLetterOrDigit(s.charAt(at - 1))
                    || !Character.isLetterOrDigit(marker.charAt(0));
            boolean rightOk = end == s.length()
                    || !Character.isLetterOrDigit(s.charAt(end))
                    || !Character.isLetterOrDigit(marker.charAt(marker.length() - 1));
            if (leftOk && rightOk) return at;
            from = at + 1;
        }
    }

    private static boolean overlaps(List<int[]> spans, int start, int end) {
        for (int[] sp : spans) {
            if (start < sp[1] && end > sp[0]) return true;
        }
        return false;
    }
}
