package org.citelens.extract;

import java.util.List;
import org.citelens.model.CitationStatement;

/**
 * What one article yields: its statements (label {@code unclassified} until the classifier runs), and the markers
 * that could not become statements, counted so they are reported rather than dropped silently.
 *
 * @param markers in-text citation markers seen in body and captions
 * @param unlinkedMarkers markers that point at no reference (no target, or a target missing from the reference list)
 * @param unlinked the unlinked markers themselves, for reports
 */
public record Extraction(
        List<CitationStatement> statements, int markers, int unlinkedMarkers, List<UnlinkedMarker> unlinked) {
    public Extraction {
        statements = List.copyOf(statements);
        unlinked = unlinked == null ? List.of() : List.copyOf(unlinked);
    }

    public Extraction(List<CitationStatement> statements, int markers, int unlinkedMarkers) {
        this(statements, markers, unlinkedMarkers, List.of());
    }
}
