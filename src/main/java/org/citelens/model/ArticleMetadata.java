package org.citelens.model;

import java.io.Serializable;
import java.util.List;

/**
 * Bibliographic metadata of a citing article. Identifiers are normalised (DOI lower case, no prefix);
 * any field but {@code source} may be null when the document does not carry it.
 *
 * @param source where the article came from (corpus-relative path or URL): the last-resort identity
 */
public record ArticleMetadata(
        String doi,
        String pmid,
        String pmcid,
        String title,
        List<Author> authors,
        String journal,
        Integer year,
        String source) implements Serializable {

    public ArticleMetadata {
        authors = authors == null ? List.of() : List.copyOf(authors);
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("article source must be given");
        }
    }

    /** Stable identity of the article: its DOI, else PMCID, else PMID, else its source. */
    public String articleId() {
        if (doi != null && !doi.isBlank()) return "doi:" + doi;
        if (pmcid != null && !pmcid.isBlank()) return "pmcid:" + pmcid;
        if (pmid != null && !pmid.isBlank()) return "pmid:" + pmid;
        return "src:" + source;
    }
}
