package org.citelens.index;

import org.citelens.model.CitationStatement;

/**
 * One search hit.
 *
 * @param highlighted the citing sentence with query terms wrapped in {@code <mark>} and the target marker in
 *     {@code <mark class="marker">}, HTML-escaped otherwise; the plain sentence when there is nothing to highlight
 */
public record StatementHit(CitationStatement statement, float score, String highlighted) {}
