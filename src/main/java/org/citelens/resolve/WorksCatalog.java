package org.citelens.resolve;

import java.util.List;
import java.util.Optional;

/** The works as users look them up: by id, and by DOI, title words or "Surname Year". */
public interface WorksCatalog {
    /** The merged record of a work by any of its ids ({@code doi:...}, {@code key:...}, or a bare DOI). */
    Optional<WorkRecord> work(String workId);

    /** Works matching a DOI, title words or "Surname Year", best first; an empty list when nothing matches. */
    List<WorkRecord> search(String query, int limit);
}
