package org.citelens.harvest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The union of the sources' lists, de-duplicated by DOI, PMID or PMCID: a work one source knows by DOI and
 * another by PMID becomes one work as soon as any description carries both. Adding a work that links two works
 * already held merges all three.
 */
final class CitingWorkSet {
    private final List<CitingWork> works = new ArrayList<>();
    private int duplicates;

    void add(CitingWork w) {
        CitingWork merged = w;
        boolean seen = false;
        for (int i = works.size() - 1; i >= 0; i--) {
            if (works.get(i).sharesAnIdentifierWith(merged)) {
                merged = works.remove(i).mergedWith(merged);
                seen = true;
            }
        }
        if (seen) duplicates++;
        works.add(merged);
    }

    /** How many descriptions were folded into a work already listed. */
    int duplicates() {
        return duplicates;
    }

    /** The works in key order, so a run's order (and the report) never depends on the sources' order. */
    List<CitingWork> sorted() {
        List<CitingWork> out = new ArrayList<>(works);
        out.sort(Comparator.comparing(CitingWork::key));
        return out;
    }
}
