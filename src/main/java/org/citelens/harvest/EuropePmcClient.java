package org.citelens.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Europe PMC's RESTful web service: the search module ({@code /search?query=...&format=json&resultType=lite},
 * paged with {@code cursorMark} until {@code nextCursorMark} is absent or repeats, or a page comes back empty),
 * the citations module ({@code /{source}/{id}/citations?page=N&format=json}, paged until {@code hitCount} is
 * reached), and {@code /{PMCID}/fullTextXML}, the JATS of the open-access subset.
 */
final class EuropePmcClient {
    static final String SOURCE = "europepmc";
    /** The most the search module gives per page. */
    private static final int PAGE_SIZE = 1000;
    /** A server that keeps answering new cursors forever is stopped here (a million works). */
    private static final int MAX_PAGES = 1000;

    /** The cited work's record: what the search and citations modules take as {@code id} and {@code source}. */
    record Record(String id, String source) {}

    private final PoliteClient client;
    private final String base;
    private final long intervalMs;

    EuropePmcClient(PoliteClient client, String base, HttpSettings settings) {
        this.client = client;
        this.base = base;
        this.intervalMs = settings.interval(HttpSettings.EUROPEPMC_INTERVAL_MS);
    }

    /** The record of a DOI, if Europe PMC holds it. */
    Optional<Record> find(String doi) throws IOException {
        List<JsonNode> results = searchPage("DOI:\"" + doi + "\"", "*").results();
        return results.stream()
                .findFirst()
                .map(r -> new Record(SourceJson.text(r, "id"), SourceJson.text(r, "source")))
                .filter(r -> r.id() != null && r.source() != null);
    }

    /** What Europe PMC knows of one DOI as a work: its PMCID and whether its full text is open. */
    Optional<CitingWork> describe(String doi) throws IOException {
        return searchPage("DOI:\"" + doi + "\"", "*").results().stream()
                .findFirst()
                .map(EuropePmcClient::work);
    }

    /** Every work whose references Europe PMC linked to the record ({@code CITES:id_source}), page by page. */
    List<CitingWork> citingBySearch(Record r) throws IOException {
        List<CitingWork> out = new ArrayList<>();
        String cursor = "*";
        for (int page = 0; page < MAX_PAGES; page++) {
            Page p = searchPage("CITES:" + r.id() + "_" + r.source(), cursor);
            for (JsonNode n : p.results()) out.add(work(n));
            if (p.results().isEmpty() || p.next() == null || p.next().equals(cursor)) break;
            cursor = p.next();
        }
        return out;
    }

    /** The citations module's list for the record: ids and sources only, so PMIDs (MED) and PMCIDs (PMC). */
    List<CitingWork> citingByCitationsModule(Record r) throws IOException {
        List<CitingWork> out = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            String url = base + "/" + SourceJson.path(r.source()) + "/" + SourceJson.path(r.id()) + "/citations?page="
                    + page + "&pageSize=" + PAGE_SIZE + "&format=json";
            CachedAnswer a = client.get(url, intervalMs);
            if (a.status() == 404) break;
            JsonNode root = client.parsed(url, a, "Europe PMC citations");
            long hits = root.path("hitCount").asLong(0);
            JsonNode list = root.path("citationList").path("citation");
            for (JsonNode c : list) {
                String id = SourceJson.text(c, "id");
                String source = SourceJson.text(c, "source");
                if (id == null) continue;
                String pmid = "MED".equals(source) ? id : null;
                String pmcid = "PMC".equals(source) ? id : null;
                if (pmid == null && pmcid == null) continue;
                out.add(new CitingWork(null, pmid, pmcid, SourceJson.text(c, "title"), Set.of(SOURCE), false));
            }
            if (list.isEmpty() || (long) page * PAGE_SIZE >= hits) break;
        }
        return out;
    }

    /** The JATS of an open-access article, or empty when Europe PMC does not hold it (404). */
    Optional<byte[]> fullText(String pmcid) throws IOException {
        CachedAnswer a = client.get(base + "/" + SourceJson.path(pmcid) + "/fullTextXML", intervalMs);
        return a.status() == 404 ? Optional.empty() : Optional.of(a.body());
    }

    private record Page(List<JsonNode> results, String next) {}

    private Page searchPage(String query, String cursor) throws IOException {
        String url = base + "/search?query=" + SourceJson.query(query) + "&format=json&resultType=lite&pageSize="
                + PAGE_SIZE + "&cursorMark=" + SourceJson.query(cursor);
        CachedAnswer a = client.get(url, intervalMs);
        if (a.status() == 404) return new Page(List.of(), null);
        JsonNode root = client.parsed(url, a, "Europe PMC search");
        List<JsonNode> results = new ArrayList<>();
        root.path("resultList").path("result").forEach(results::add);
        return new Page(results, SourceJson.text(root, "nextCursorMark"));
    }

    private static CitingWork work(JsonNode n) {
        boolean open = "Y".equals(SourceJson.text(n, "isOpenAccess")) && SourceJson.text(n, "pmcid") != null;
        return new CitingWork(
                SourceJson.text(n, "doi"),
                SourceJson.text(n, "pmid"),
                SourceJson.text(n, "pmcid"),
                SourceJson.text(n, "title"),
                Set.of(SOURCE),
                open);
    }
}
