package org.citelens.index;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Counts of the statements citing one work. {@code contradicting} repeats {@code contrasting} so that clients
 * written for scite's API work unchanged; {@code citingPublications} counts distinct citing works;
 * {@code selfCitations} counts statements and {@code selfCitingPublications} the distinct works they come from.
 * {@code coverage} is there only when a harvest recorded how many citing works are known and how many were read,
 * so the counts of an index built from a folder keep scite's shape (the API adds the work's {@code notices}).
 */
public record Tallies(
        String doi,
        long total,
        long supporting,
        long contrasting,
        long contradicting,
        long mentioning,
        long unclassified,
        long citingPublications,
        long selfCitations,
        long selfCitingPublications,
        @JsonInclude(JsonInclude.Include.NON_NULL) Coverage coverage) {

    /** The same work with other label counts (curators' reviewed labels counted instead of the model's). */
    public Tallies withCounts(long supporting, long contrasting, long mentioning, long unclassified) {
        return new Tallies(
                doi,
                total,
                supporting,
                contrasting,
                contrasting,
                mentioning,
                unclassified,
                citingPublications,
                selfCitations,
                selfCitingPublications,
                coverage);
    }

    /** The same counts with a harvest's coverage. */
    public Tallies withCoverage(Coverage c) {
        return new Tallies(
                doi,
                total,
                supporting,
                contrasting,
                contradicting,
                mentioning,
                unclassified,
                citingPublications,
                selfCitations,
                selfCitingPublications,
                c);
    }
}
