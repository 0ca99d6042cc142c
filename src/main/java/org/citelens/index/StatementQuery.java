package org.citelens.index;

import java.util.Set;
import org.citelens.model.Label;
import org.citelens.model.SectionType;

/**
 * A filter over statements, shared by search, citation lists and export. Null or empty members do not filter.
 *
 * @param text Lucene query syntax over the statement text where it parses, plain words otherwise
 * @param citedDoi normalised DOI of the cited work
 * @param citedWorkId stable work id of the cited work (for works without a DOI)
 * @param citingDoi normalised DOI of the citing article
 * @param cursor opaque cursor from a previous page, or null for the first page
 * @param limit page size (callers validate the range)
 */
public record StatementQuery(
        String text,
        String citedDoi,
        String citedWorkId,
        String citingDoi,
        Set<Label> labels,
        Set<SectionType> sections,
        Integer yearFrom,
        Integer yearTo,
        String journal,
        SelfCitationFilter selfCitation,
        StatementSort sort,
        String cursor,
        int limit) {

    public StatementQuery {
        labels = labels == null ? Set.of() : Set.copyOf(labels);
        sections = sections == null ? Set.of() : Set.copyOf(sections);
        selfCitation = selfCitation == null ? SelfCitationFilter.INCLUDE : selfCitation;
        sort = sort == null ? StatementSort.RELEVANCE : sort;
    }

    /** Every statement citing one DOI, in index order: what export and tallies start from. */
    public static StatementQuery citing(String citedDoi, int limit) {
        return new StatementQuery(null, citedDoi, null, null, null, null, null, null, null, null, null, null, limit);
    }

    public static StatementQuery all(int limit) {
        return new StatementQuery(null, null, null, null, null, null, null, null, null, null, null, null, limit);
    }
}
