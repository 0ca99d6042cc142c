package org.citelens.resolve;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How likely a reference without a DOI names a known work, 0..1. Title words carry most of the weight; the first
 * author, the year (off by one tolerated), the journal (abbreviations tolerated), volume and first page confirm or
 * veto. Evidence missing on either side counts as neutral, never as agreement.
 */
public final class MatchScorer {
    private static final double TITLE_WEIGHT = 0.55;
    private static final double AUTHOR_WEIGHT = 0.2;
    private static final double YEAR_WEIGHT = 0.15;
    private static final double SOURCE_WEIGHT = 0.1;
    private static final double UNKNOWN = 0.5;

    /** The parts of one comparison, kept for error analysis. */
    public record Score(double total, double title, double author, double year, double source) {}

    public Score score(WorkVariant query, WorkVariant candidate) {
        WorkVariant.Normalized q = query.normalized();
        WorkVariant.Normalized c = candidate.normalized();
        double title = titleSimilarity(q.titleTokens(), c.titleTokens());
        double author = authorAgreement(q.surnameKey(), c.surnameKey());
        double year = yearAgreement(query.year(), candidate.year());
        double source = sourceAgreement(q, c);
        double total = TITLE_WEIGHT * title + AUTHOR_WEIGHT * author + YEAR_WEIGHT * year + SOURCE_WEIGHT * source;
        if (author == 0 && year == 0) total = Math.min(total, 0.5); // wrong author and wrong year: another work
        return new Score(total, title, author, year, source);
    }

    /**
     * Dice coefficient of the title word sets; when the query title is much longer (an unstructured reference
     * whose "title" is its raw text) the share of the candidate's words it contains.
     */
    static double titleSimilarity(List<String> query, List<String> candidate) {
        if (query.isEmpty() || candidate.isEmpty()) return 0;
        Set<String> q = new HashSet<>(query);
        Set<String> c = new HashSet<>(candidate);
        int common = 0;
        for (String t : c) {
            if (q.contains(t)) common++;
        }
        double dice = 2.0 * common / (q.size() + c.size());
        if (q.size() > 2 * c.size() + 4) {
            return Math.max(dice, 0.95 * common / c.size());
        }
        return dice;
    }

    static double authorAgreement(String q, String c) {
        if (q.isEmpty() || c.isEmpty()) return UNKNOWN;
        if (q.equals(c)) return 1;
        // "Irwin-Rogers" vs "Rogers", "Zhang" vs "Zhangs", one-letter typos in long names
        if (Math.min(q.length(), c.length()) >= 4
                && (q.endsWith(c) || c.endsWith(q) || q.startsWith(c) || c.startsWith(q))) {
            return 0.8;
        }
        if (Math.min(q.length(), c.length()) >= 5 && withinOneEdit(q, c)) return 0.8;
        return 0;
    }

    static double yearAgreement(Integer q, Integer c) {
        if (q == null || c == null) return UNKNOWN;
        int d = Math.abs(q - c);
        return d == 0 ? 1 : d == 1 ? 0.6 : 0;
    }

    /** Journal, volume and first page together: any known disagreement in volume or page is strong evidence. */
    static double sourceAgreement(WorkVariant.Normalized q, WorkVariant.Normalized c) {
        double sum = 0;
        int known = 0;
        if (!q.journalTokens().isEmpty() && !c.journalTokens().isEmpty()) {
            sum += TextNormalizer.journalSimilarity(q.journalTokens(), c.journalTokens());
            known++;
        }
        if (!q.volume().isEmpty() && !c.volume().isEmpty()) {
            sum += q.volume().equals(c.volume()) ? 1 : 0;
            known++;
        }
        if (!q.firstPage().isEmpty() && !c.firstPage().isEmpty()) {
            sum += q.firstPage().equals(c.firstPage()) ? 1 : 0;
            known++;
        }
        return known == 0 ? UNKNOWN : sum / known;
    }

    private static boolean withinOneEdit(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) return false;
        int i = 0;
        int j = 0;
        int edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) return false;
            if (a.length() > b.length()) i++;
            else if (b.length() > a.length()) j++;
            else {
                i++;
                j++;
            }
        }
        return edits + (a.length() - i) + (b.length() - j) <= 1;
    }
}
