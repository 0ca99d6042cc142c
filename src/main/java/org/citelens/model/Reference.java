package org.citelens.model;

import java.io.Serializable;
import java.util.List;

/**
 * One entry of an article's reference list, as the article writes it.
 *
 * @param id the reference's id inside its article (JATS {@code ref/@id}, TEI {@code xml:id}, HTML anchor)
 * @param rawText the whole reference as plain text, for display and for resolution when fields are missing
 */
public record Reference(
        String id,
        String doi,
        String pmid,
        String pmcid,
        String title,
        List<Author> authors,
        Integer year,
        String source,
        String volume,
        String pages,
        String rawText) implements Serializable {

    public Reference {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("reference id must be given");
        authors = authors == null ? List.of() : List.copyOf(authors);
    }

    public Author firstAuthor() {
        return authors.isEmpty() ? null : authors.get(0);
    }
}
