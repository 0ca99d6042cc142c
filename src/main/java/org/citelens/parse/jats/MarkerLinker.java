package org.citelens.parse.jats;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.citelens.model.CitationMention;

/**
 * Turns the raw xrefs of one paragraph into citation mentions: ranges written as two xrefs joined by a dash
 * become one mention citing every reference between them, a single xref printed as a range or list ("3–5",
 * "1 2") cites every number it prints, and an author-year xref that wraps only the year takes in the author
 * names before it ("Ren et al., 2013"), so the marker is what a reader sees.
 */
final class MarkerLinker {
    private static final Pattern NUMERIC = Pattern.compile("[\\[(]?\\d{1,4}[\\])]?");
    private static final Pattern NUMBER_LIST =
            Pattern.compile("[\\[(]?\\d{1,4}(?:\\s*(?:[,\\s]|[-–—‐‑−])\\s*\\d{1,4})+[\\])]?");
    private static final Pattern NUMBER_OR_RANGE = Pattern.compile("(\\d{1,4})(?:\\s*[-–—‐‑−]\\s*(\\d{1,4}))?");
    private static final Pattern DASH = Pattern.compile("\\s*[-–—‐‑−]\\s*");
    private static final Pattern YEAR_ONLY = Pattern.compile("\\d{4}[a-z]?");
    private static final String SURNAME =
            "(?:(?:[vV]an|[vV]on|[dD]e|[dD]er|[dD]en|[dD]a|[dD]i|[dD]u|[lL]e|[lL]a|[dD]el|[dD]os|[dD]as)\\s)*"
                    + "\\p{Lu}[\\p{L}'’\\-]*\\p{L}";
    private static final String AUTHORS = SURNAME + "(?:\\s+et\\s+al\\.?|\\s+(?:and|&)\\s+" + SURNAME + ")?";
    /** "(Ren et al., 2013", "; FAOStat, 2016", "(Zhou et al. 2009": the author part before a bare year. */
    private static final Pattern PARENTHETICAL_AUTHORS = Pattern.compile("(?<=[(\\[;]\\s?)(" + AUTHORS + "),?\\s$");
    /** "Smith et al. (2009)": the author part of a narrative citation, the year in parentheses. */
    private static final Pattern NARRATIVE_AUTHORS = Pattern.compile("(" + AUTHORS + ")\\s\\($");

    private static final int MAX_RANGE = 200;
    private static final int LOOK_BACK = 90;

    private final ReferenceIndex refs;

    MarkerLinker(ReferenceIndex refs) {
        this.refs = refs;
    }

    List<CitationMention> link(String text, List<RawMarker> raw) {
        List<CitationMention> out = new ArrayList<>(raw.size());
        int previousEnd = 0;
        for (int i = 0; i < raw.size(); i++) {
            RawMarker m = raw.get(i);
            RawMarker next = i + 1 < raw.size() ? raw.get(i + 1) : null;
            if (next != null && isRange(text, m, next)) {
                int from = refs.position(m.rids().get(0));
                int to = refs.position(next.rids().get(0));
                List<String> ids = new ArrayList<>();
                for (int p = from; p <= to; p++) ids.add(refs.idAt(p));
                out.add(new CitationMention(m.start(), next.end(), text.substring(m.start(), next.end()), ids));
                previousEnd = next.end();
                i++;
                continue;
            }
            String marker = text.substring(m.start(), m.end());
            List<String> ids = expandPrinted(marker, m.rids());
            int start = m.start();
            int end = m.end();
            if (YEAR_ONLY.matcher(marker).matches()) {
                int[] span = withAuthors(text, start, end, previousEnd);
                start = span[0];
                end = span[1];
            }
            out.add(new CitationMention(start, end, text.substring(start, end), ids));
            previousEnd = end;
        }
        return out;
    }

    /** Two single-target numeric xrefs joined only by a dash, pointing forward in the reference list. */
    private boolean isRange(String text, RawMarker a, RawMarker b) {
        if (a.rids().size() != 1 || b.rids().size() != 1 || b.start() < a.end()) return false;
        if (!DASH.matcher(text.substring(a.end(), b.start())).matches()) return false;
        if (!NUMERIC.matcher(text.substring(a.start(), a.end())).matches()
                || !NUMERIC.matcher(text.substring(b.start(), b.end())).matches()) return false;
        int from = refs.position(a.rids().get(0));
        int to = refs.position(b.rids().get(0));
        return from >= 0 && to > from && to - from <= MAX_RANGE;
    }

    /**
     * One xref printed as "3–5" or "1 2" but pointing only at its first reference: cite every printed number,
     * provided the numbering is trustworthy (the target's own number is the first one printed).
     */
    private List<String> expandPrinted(String marker, List<String> rids) {
        if (rids.size() != 1 || !NUMBER_LIST.matcher(marker).matches()) return rids;
        Integer own = refs.numberOf(rids.get(0));
        List<Integer> numbers = new ArrayList<>();
        Matcher m = NUMBER_OR_RANGE.matcher(marker);
        while (m.find()) {
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            if (to < from || to - from > MAX_RANGE) return rids;
            for (int n = from; n <= to; n++) numbers.add(n);
        }
        if (own == null || numbers.isEmpty() || numbers.get(0).intValue() != own) return rids;
        List<String> ids = new ArrayList<>();
        for (int n : numbers) {
            String id = refs.idForNumber(n);
            if (id == null) return rids;
            if (!ids.contains(id)) ids.add(id);
        }
        return ids;
    }

    /** Widens a bare-year marker over the author names printed right before it; never over an earlier marker. */
    private static int[] withAuthors(String text, int start, int end, int previousEnd) {
        int from = Math.max(previousEnd, start - LOOK_BACK);
        String before = text.substring(from, start);
        Matcher m = PARENTHETICAL_AUTHORS.matcher(before);
        if (m.find()) return new int[] {from + m.start(1), end};
        m = NARRATIVE_AUTHORS.matcher(before);
        if (m.find() && end < text.length() && text.charAt(end) == ')') return new int[] {from + m.start(1), end + 1};
        return new int[] {start, end};
    }
}
