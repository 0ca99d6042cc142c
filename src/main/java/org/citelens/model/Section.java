package org.citelens.model;

import java.io.Serializable;
import java.util.List;

/** A body section (nested sections flattened in document order) with its heading and rhetorical type. */
public record Section(String heading, SectionType type, List<Paragraph> paragraphs) implements Serializable {
    public Section {
        heading = heading == null ? "" : heading;
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
    }
}
