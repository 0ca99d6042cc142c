package org.citelens.model;

import java.io.Serializable;
import java.util.List;

/**
 * One in-text citation marker inside a paragraph's text.
 *
 * @param start offset of the marker's first character in {@link Paragraph#text()}
 * @param end offset just past the marker's last character
 * @param marker the marker text exactly as it appears, e.g. "12", "3–5", "Smith et al., 2015a"
 * @param refIds the reference ids the marker points at, ranges already expanded in reference-list order;
 *     empty when the marker links to nothing (counted as unlinked, never silently dropped)
 */
public record CitationMention(int start, int end, String marker, List<String> refIds)
        implements Serializable {
    public CitationMention {
        if (start < 0 || end < start) throw new IllegalArgumentException("bad marker span " + start + ".." + end);
        refIds = refIds == null ? List.of() : List.copyOf(refIds);
    }
}
