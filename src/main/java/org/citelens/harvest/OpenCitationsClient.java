package org.citelens.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * OpenCitations Index API v2, operation {@code citations}: {@code GET /index/v2/citations/doi:{doi}} answers a
 * JSON array of every citation of the work (one call, no paging), each with {@code citing}, a space-separated
 * identifier bag such as {@code omid:br/06101801781 doi:10.7717/peerj-cs.421 pmid:33817056}.
 */
final class OpenCitationsClient {
    static final String SOURCE = "opencitations";

    private final PoliteClient client;
    private final String base;
    private final long intervalMs;

    OpenCitationsClient(PoliteClient client, String base, HttpSettings settings) {
        this.client = client;
        this.base = base;
        this.intervalMs = settings.interval(HttpSettings.OPENCITATIONS_INTERVAL_MS);
    }

    String url(String doi) {
        return base + "/index/v2/citations/doi:" + SourceJson.path(doi);
    }

    List<CitingWork> citing(String doi) throws IOException {
        String url = url(doi);
        CachedAnswer a = client.get(url, intervalMs);
        if (a.status() == 404) return List.of();
        JsonNode root = client.parsed(url, a, "OpenCitations");
        if (!root.isArray()) throw new FetchFailedException("OpenCitations answered something other than a JSON array");
        List<CitingWork> out = new ArrayList<>();
        for (JsonNode c : root) {
            CitingWork w = fromBag(SourceJson.text(c, "citing"));
            if (w != null) out.add(w);
        }
        return out;
    }

    /** The identifier bag of one citing work; null when it names no DOI, PMID or PMCID (an OMID alone). */
    static CitingWork fromBag(String bag) {
        if (bag == null) return null;
        String doi = null, pmid = null, pmcid = null;
        for (String id : bag.strip().split("\\s+")) {
            int colon = id.indexOf(':');
            if (colon < 0) continue;
            String scheme = id.substring(0, colon);
            String value = id.substring(colon + 1);
            switch (scheme) {
                case "doi" -> doi = doi == null ? value : doi;
                case "pmid" -> pmid = pmid == null ? value : pmid;
                case "pmcid" -> pmcid = pmcid == null ? value : pmcid;
                default -> {
                    // omid and other schemes name nothing we can fetch by
                }
            }
        }
        if (doi == null && pmid == null && pmcid == null) return null;
        return new CitingWork(doi, pmid, pmcid, null, Set.of(SOURCE), false);
    }
}
