package org.citelens.index;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Counts of the statements citing one work. {@code contradicting} repeats {@code contrasting} so that clients
 * written for scite's API work unchanged; {@code citingPublications} counts distinct citing works;
 * {@code selfCitations} counts statements and {@code selfCitingPublications} the distinct works they come from.
 * {@code coverage} is there only when a harvest recorded how many citing works are known and how many were read,
 * so the answer of an index built from a folder keeps scite's shape exactly.
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
