package org.citelens.resolve;

/**
 * The work a reference was matched to, looked up without learning from the reference (nothing is registered or
 * aliased), so a manuscript's references can be checked against a live index.
 *
 * @param work the matched work, or null when the reference names no work the registry knows
 * @param doi the DOI of the matched work; when unmatched, the DOI the reference itself gives (may be null)
 * @param confidence 1 for a DOI, PubMed id or exact key; otherwise the best candidate's match score, 0..1 (also
 *     given when it stayed below the threshold, to say how close it came)
 * @param route how it was matched: {@code doi}, {@code pmid}, {@code key}, {@code fuzzy} or {@code none}
 */
public record ReferenceMatch(WorkRecord work, String doi, double confidence, String route) {
    public boolean resolved() {
        return work != null;
    }
}
