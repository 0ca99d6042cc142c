package org.citelens.parse.html;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.citelens.model.CitationMention;
import org.citelens.model.Reference;

/**
 * Finds citation markers written as plain text, for pages whose citations are not links: numeric ("[12]", "[3-5]",
 * "[1, 4–6]", superscripts) and author-year ("Smith et al., 2010", "Smith and Jones (2011a)"). A marker counts only
 * when it names a reference that is in the parsed list, so text that merely looks like a marker is not taken.
 */
final class TextMarkerFinder {
    private static final Pattern BRACKETS = Pattern.compile("\\[(\\s*\\d{1,4}(?:\\s*[-–—,;]\\s*\\d{1,4})*\\s*)]");
    private static final Pattern SUPERSCRIPT = Pattern.compile("\\s*\\d{1,4}(?:\\s*[-–—,]\\s*\\d{1,4})*\\s*");
    private static final Pattern NUMBER_OR_RANGE = Pattern.compile("(\\d{1,4})(?:\\s*[-–—]\\s*(\\d{1,4}))?");
    private static final Pattern YEAR = Pattern.compile("(?<![\\d.])(1[6-9]\\d\\d|20\\d\\d)([a-z]?)(?![\\d])");
    private static final Pattern YEARS_ONLY_GAP = Pattern.compile("^[\\s,;]*(?:and\\s*)?$");
    private static final int WINDOW = 90;

    private final List<Reference> refs;
    private final Map<String, List<Integer>> bySurname = new HashMap<>();

    TextMarkerFinder(List<Reference> refs) {
        this.refs = refs;
        for (int i = 0; i < refs.size(); i++) {
            var first = refs.get(i).firstAuthor();
            if (first != null && !first.surname().isBlank() && refs.get(i).year() != null) {
                bySurname
                        .computeIfAbsent(fold(first.surname()), k -> new ArrayList<>())
                        .add(i);
            }
        }
    }

    List<CitationMention> find(String text, List<int[]> superscripts) {
        if (refs.isEmpty()) return List.of();
        List<CitationMention> found = new ArrayList<>();
        Matcher b = BRACKETS.matcher(text);
        while (b.find()) found.addAll(numeric(text, b.start(1), b.end(1)));
        for (int[] sup : superscripts) {
            if (SUPERSCRIPT.matcher(text.substring(sup[0], sup[1])).matches() && citationLikeBefore(text, sup[0])) {
                found.addAll(numeric(text, sup[0], sup[1]));
            }
        }
        found.addAll(authorYear(text, found));
        found.sort(Comparator.comparingInt(CitationMention::start));
        return found;
    }

    /** One mention per number or range inside a bracket or superscript, if every number is a reference. */
    private List<CitationMention> numeric(String text, int from, int to) {
        List<CitationMention> out = new ArrayList<>();
        Matcher m = NUMBER_OR_RANGE.matcher(text).region(from, to);
        while (m.find()) {
            int lo = Integer.parseInt(m.group(1));
            int hi = m.group(2) == null ? lo : Integer.parseInt(m.group(2));
            if (lo < 1 || hi < lo || hi > refs.size() || hi - lo > 100) return List.of();
            List<String> ids = new ArrayList<>();
            for (int i = lo; i <= hi; i++) ids.add(refs.get(i - 1).id());
            out.add(new CitationMention(m.start(), m.end(), m.group(), ids));
        }
        return out;
    }

    /** A superscript cites when it follows a word or punctuation, not a unit ("cm2") or a number. */
    private static boolean citationLikeBefore(String text, int at) {
        if (at == 0) return false;
        char c = text.charAt(at - 1);
        if (".,;:)]".indexOf(c) >= 0) return true;
        if (!Character.isLetter(c)) return false;
        int s = at - 1;
        while (s > 0 && Character.isLetterOrDigit(text.charAt(s - 1))) s--;
        String word = text.substring(s, at);
        return word.length() > 3 && word.chars().noneMatch(Character::isDigit);
    }

    private List<CitationMention> authorYear(String text, List<CitationMention> taken) {
        List<CitationMention> out = new ArrayList<>();
        String folded = fold(text);
        Matcher y = YEAR.matcher(text);
        int lastEnd = 0;
        String lastSurname = null;
        while (y.find()) {
            if (overlaps(taken, y.start(), y.end())) continue;
            int year = Integer.parseInt(y.group(1));
            int windowStart = Math.max(lastEnd, y.start() - WINDOW);
            int semicolon = text.lastIndexOf(';', y.start());
            if (semicolon >= windowStart) windowStart = semicolon + 1;
            String window = folded.substring(windowStart, y.start());
            Hit hit = bestSurname(window, year, y.group(2));
            int start;
            if (hit != null) {
                start = windowStart + hit.offset();
                lastSurname = hit.surname();
            } else if (lastSurname != null && YEARS_ONLY_GAP.matcher(window).matches()) {
                Integer ref = pick(lastSurname, year, y.group(2));
                if (ref == null) continue;
                hit = new Hit(lastSurname, 0, ref);
                start = y.start();
            } else {
                lastSurname = null;
                continue;
            }
            out.add(new CitationMention(
                    start,
                    y.end(),
                    text.substring(start, y.end()),
                    List.of(refs.get(hit.ref()).id())));
            lastEnd = y.end();
        }
        return out;
    }

    private record Hit(String surname, int offset, int ref) {}

    private Hit bestSurname(String window, int year, String suffix) {
        Hit best = null;
        for (var e : bySurname.entrySet()) {
            int at = lastWord(window, e.getKey());
            if (at < 0 || (best != null && at <= best.offset())) continue;
            Integer ref = pick(e.getKey(), year, suffix);
            if (ref != null) best = new Hit(e.getKey(), at, ref);
        }
        return best;
    }

    /** The reference by this first author in this year; "2010b" is the second such reference in list order. */
    private Integer pick(String surname, int year, String suffix) {
        List<Integer> same = new ArrayList<>();
        for (int i : bySurname.getOrDefault(surname, List.of())) if (refs.get(i).year() == year) same.add(i);
        if (same.isEmpty()) return null;
        int k = suffix.isEmpty() ? 0 : suffix.charAt(0) - 'a';
        return k < same.size() ? same.get(k) : same.get(0);
    }

    private static int lastWord(String window, String word) {
        int at = window.lastIndexOf(word);
        while (at >= 0) {
            boolean startOk = at == 0 || !Character.isLetter(window.charAt(at - 1));
            int end = at + word.length();
            boolean endOk = end >= window.length() || !Character.isLetter(window.charAt(end));
            if (startOk && endOk) return at;
            at = window.lastIndexOf(word, at - 1);
        }
        return -1;
    }

    private static boolean overlaps(List<CitationMention> taken, int start, int end) {
        for (CitationMention m : taken) if (start < m.end() && m.start() < end) return true;
        return false;
    }

    /** Lower case without accents, same length as the input so offsets carry over. */
    static String fold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            String d = Normalizer.normalize(String.valueOf(s.charAt(i)), Normalizer.Form.NFD);
            char base = d.isEmpty() ? s.charAt(i) : d.charAt(0);
            sb.append(Character.toLowerCase(base));
        }
        return sb.toString().toLowerCase(Locale.ROOT).length() == s.length()
                ? sb.toString()
                : s.toLowerCase(Locale.ROOT);
    }
}
