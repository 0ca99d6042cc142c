package org.citelens.index;

import java.util.List;
import java.util.Map;

/**
 * One page of statements.
 *
 * @param facets counts per value for {@code label}, {@code section}, {@code year} and {@code journal} over all hits
 *     (not just this page); empty when not asked for
 * @param nextCursor the cursor of the next page, null on the last page
 */
public record SearchPage(
        long totalHits, List<StatementHit> hits, Map<String, Map<String, Long>> facets, String nextCursor) {
    public SearchPage {
        hits = List.copyOf(hits);
        facets = facets == null ? Map.of() : facets;
    }
}
