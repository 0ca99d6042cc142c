package org.citelens.model;

import java.io.Serializable;

/**
 * The work a statement cites, after resolution.
 *
 * @param workId stable id of the work: {@code doi:<doi>} when the DOI is known, else a key the resolver built
 */
public record CitedWork(String workId, String doi, String title, Integer year, String firstAuthor, String journal)
        implements Serializable {
    public CitedWork {
        if (workId == null || workId.isBlank()) throw new IllegalArgumentException("workId must be given");
    }
}
