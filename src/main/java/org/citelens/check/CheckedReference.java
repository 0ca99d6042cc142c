package org.citelens.check;

import java.util.List;
import org.citelens.index.Tallies;

/**
 * One reference of a manuscript after the check.
 *
 * @param position 1-based, in the manuscript's order
 * @param raw the reference as the manuscript writes it
 * @param parsed what was read from it (for plain text: the parser's reading, to show why a match failed)
 * @param status {@code resolved} (a work of the index), {@code unresolved} (no work of the index matched)
 * @param work the work it resolved to, or null
 * @param confidence 1 for a DOI, PubMed id or exact key match, else the match score 0..1 (for an unresolved
 *     reference: how close the best candidate came)
 * @param matchedBy {@code doi}, {@code pmid}, {@code key}, {@code fuzzy} or {@code none}
 * @param tallies how the index's articles cite the work, or null when none does (or unresolved)
 * @param statements how the manuscript itself cites it (empty for plain text or when the body does not cite it)
 */
public record CheckedReference(
        int position,
        String raw,
        Parsed parsed,
        String status,
        Work work,
        double confidence,
        String matchedBy,
        Tallies tallies,
        List<ManuscriptStatement> statements) {

    /** The fields read from the reference. */
    public record Parsed(List<String> authors, Integer year, String title, String journal, String doi) {}

    /** The resolved work as the index knows it. */
    public record Work(String workId, String doi, String title, Integer year, String firstAuthor, String journal) {}

    /** One citing sentence of the manuscript with its label. */
    public record ManuscriptStatement(String sentence, String section, String label, double confidence) {}
}
