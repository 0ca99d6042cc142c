package org.citelens.index;

import java.util.Map;
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
 * @param citedAmong only statements citing one of these DOIs (the works with a given notice); null: no filter,
 *     empty: nothing matches
 * @param citedAfterYear only statements citing one of these DOIs from an article published in a later year than
 *     the DOI's value (citing a work after its retraction); null: no filter
 * @param reviewedLabels curators' labels by statement id, which the label filter uses instead of the indexed ones
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
        int limit,
        Set<String> citedAmong,
        Map<String, Integer> citedAfterYear,
        Map<String, Label> reviewedLabels) {

    public StatementQuery {
        citedAmong = citedAmong == null ? null : Set.copyOf(citedAmong);
        citedAfterYear = citedAfterYear == null ? null : Map.copyOf(citedAfterYear);
        reviewedLabels = reviewedLabels == null ? Map.of() : Map.copyOf(reviewedLabels);
        labels = labels == null ? Set.of() : Set.copyOf(labels);
        sections = sections == null ? Set.of() : Set.copyOf(sections);
        selfCitation = selfCitation == null ? SelfCitationFilter.INCLUDE : selfCitation;
        sort = sort == null ? StatementSort.RELEVANCE : sort;
    }

    /** A filter without notice or review members. */
    public StatementQuery(
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
        this(
                text,
                citedDoi,
                citedWorkId,
                citingDoi,
                labels,
                sections,
                yearFrom,
                yearTo,
                journal,
                selfCitation,
                sort,
                cursor,
                limit,
                null,
                null,
                null);
    }

    /** This filter narrowed to works with notices and read with curators' labels. */
    public StatementQuery withNoticesAndReviews(
            Set<String> among, Map<String, Integer> afterYear, Map<String, Label> reviewed) {
        return new StatementQuery(
                text,
                citedDoi,
                citedWorkId,
                citingDoi,
                labels,
                sections,
                yearFrom,
                yearTo,
                journal,
                selfCitation,
                sort,
                cursor,
                limit,
                among,
                afterYear,
                reviewed);
    }

    /** Every statement citing one DOI, in index order: what export and tallies start from. */
    public static StatementQuery citing(String citedDoi, int limit) {
        return new StatementQuery(null, citedDoi, null, null, null, null, null, null, null, null, null, null, limit);
    }

    public static StatementQuery all(int limit) {
        return new StatementQuery(null, null, null, null, null, null, null, null, null, null, null, null, limit);
    }
}
