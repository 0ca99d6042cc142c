package org.citelens.model;

import java.util.List;

/** A body section (nested sections flattened in document order) with its heading and rhetorical type. */
public record Section(String heading, SectionType type, List<Paragraph> paragraphs) {
    public Section {
        heading = heading == null ? "" : heading;
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
    }
}
