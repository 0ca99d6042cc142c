package org.citelens.resolve;

import java.util.List;

/**
 * A work as the registry knows it, merged from every reference to it and from the article itself when it is in
 * the corpus (the article's own metadata wins; otherwise the most frequent spelling).
 *
 * @param workId the canonical id: {@code doi:<doi>} when the DOI is known, else {@code key:...}
 * @param firstAuthor the first author's surname as most often written
 * @param firstAuthorGivenNames the first author's given names or initials as most often written, may be null
 * @param references how many references in registered articles name this work
 * @param inCorpus whether the work is itself one of the registered articles
 * @param aliases other ids that were merged into this one (keys that learned their DOI)
 */
public record WorkRecord(
        String workId,
        String doi,
        String pmid,
        String pmcid,
        String title,
        Integer year,
        String firstAuthor,
        String firstAuthorGivenNames,
        String journal,
        String volume,
        String pages,
        int references,
        boolean inCorpus,
        List<String> aliases) {
    public WorkRecord {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
