package org.citelens.index;

/**
 * Counts of the statements citing one work. {@code contradicting} repeats {@code contrasting} so that clients
 * written for scite's API work unchanged; {@code citingPublications} counts distinct citing works;
 * {@code selfCitations} counts statements and {@code selfCitingPublications} the distinct works they come from.
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
        long selfCitingPublications) {}
