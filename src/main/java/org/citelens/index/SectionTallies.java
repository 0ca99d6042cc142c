package org.citelens.index;

/** Statements citing one work, counted by the section of the citing article they stand in. */
public record SectionTallies(
        String doi, long total, long introduction, long methods, long results, long discussion, long other) {}
