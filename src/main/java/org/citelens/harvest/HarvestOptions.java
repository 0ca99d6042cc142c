package org.citelens.harvest;

import java.nio.file.Path;
import java.util.List;

/**
 * Settings of one harvest.
 *
 * @param cited the cited DOIs, normalised
 * @param out the harvest folder: response cache, fetched full texts, state and report
 * @param maxWorks citing works fetched per cited DOI at most (all are counted as known)
 * @param email the contact address sent to the sources; Unpaywall is asked only when one is given
 * @param index the index to ingest into, or null to fetch and check only
 * @param retryFailed ask again for works an earlier run could not fetch (otherwise a re-run skips them)
 */
public record HarvestOptions(
        List<String> cited,
        Path out,
        int maxWorks,
        String email,
        Path index,
        SourceEndpoints endpoints,
        HttpSettings http,
        boolean retryFailed) {
    public static final int DEFAULT_MAX_WORKS = 500;

    public HarvestOptions {
        if (cited.isEmpty()) throw new IllegalArgumentException("at least one cited DOI is needed");
        if (maxWorks < 1) throw new IllegalArgumentException("--max-works must be at least 1, not " + maxWorks);
        cited = List.copyOf(cited);
    }

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }
}
