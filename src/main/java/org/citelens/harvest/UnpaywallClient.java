package org.citelens.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Unpaywall's REST API v2: {@code GET /v2/{doi}?email=...} answers one DOI object with {@code is_oa} and its
 * {@code oa_locations} ({@code url_for_landing_page}, {@code url_for_pdf}, {@code host_type}, {@code license});
 * 404 for a DOI it does not know. Unpaywall asks every caller for a contact address.
 */
final class UnpaywallClient {
    /** One open-access copy; either URL may be null. */
    record Location(String landingPage, String pdf, String hostType, String license) {}

    /** What Unpaywall says of a DOI. */
    record OaRecord(boolean isOa, List<Location> locations) {}

    private final PoliteClient client;
    private final String base;
    private final String email;
    private final long intervalMs;

    UnpaywallClient(PoliteClient client, String base, String email, HttpSettings settings) {
        this.client = client;
        this.base = base;
        this.email = email;
        this.intervalMs = settings.interval(HttpSettings.UNPAYWALL_INTERVAL_MS);
    }

    Optional<OaRecord> lookup(String doi) throws IOException {
        String url = base + "/v2/" + SourceJson.path(doi) + "?email=" + SourceJson.query(email);
        CachedAnswer a = client.get(url, intervalMs);
        if (a.status() == 404) return Optional.empty();
        JsonNode root = client.parsed(url, a, "Unpaywall");
        List<Location> locations = new ArrayList<>();
        for (JsonNode l : root.path("oa_locations")) {
            locations.add(new Location(
                    SourceJson.text(l, "url_for_landing_page"),
                    SourceJson.text(l, "url_for_pdf"),
                    SourceJson.text(l, "host_type"),
                    SourceJson.text(l, "license")));
        }
        // The publisher's copy first: its landing page is the one most likely to carry the full text as HTML.
        locations.sort((x, y) -> Boolean.compare(!"publisher".equals(x.hostType()), !"publisher".equals(y.hostType())));
        return Optional.of(new OaRecord(root.path("is_oa").asBoolean(false), locations));
    }
}
