package org.citelens.harvest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citelens.crawl.JsonLinesFile;
import org.citelens.index.Tallies;

/**
 * What a harvest did, printed at the end and kept as {@code harvest-report.json} in the harvest folder.
 *
 * @param sources the base URL asked for each source (Unpaywall null when not asked)
 * @param index the index ingested into, or null
 */
public record HarvestReport(
        List<Cited> cited, Requests requests, Map<String, String> sources, String index, long elapsedMillis) {
    public static final String FILE_NAME = "harvest-report.json";

    /** Requests of the run: sent to servers, answered from the on-disk cache, retried after a 429 or 5xx. */
    public record Requests(long sent, long fromCache, long retried) {}

    /**
     * One cited DOI.
     *
     * @param found citing works each source listed (after its own de-duplication)
     * @param sourceErrors sources that could not be asked, with why
     * @param duplicates works more than one source listed, counted once in {@code known}
     * @param known citing works after merging the sources
     * @param read works read, per kind ({@code jats}, {@code html})
     * @param notRead works not read, per kind ({@code closed}, {@code pdfOnly}, {@code fetchFailed},
     *     {@code parseFailed})
     * @param notTried works over {@code --max-works}, neither fetched nor counted as read
     * @param tallies the index's tallies of the DOI after ingest, with the coverage; null without an index
     * @param summary the one-sentence answer
     */
    public record Cited(
            String doi,
            Map<String, Integer> found,
            List<String> sourceErrors,
            int duplicates,
            int known,
            Map<String, Long> read,
            Map<String, Long> notRead,
            int notTried,
            Tallies tallies,
            String summary,
            List<Work> works) {}

    /** One citing work and its outcome. */
    public record Work(
            String doi,
            String pmid,
            String pmcid,
            Set<String> sources,
            OutcomeKind outcome,
            String reason,
            String file) {}

    void writeTo(Path out) throws IOException {
        Path tmp = out.resolve(FILE_NAME + ".tmp");
        Files.writeString(tmp, JsonLinesFile.toJson(this));
        Files.move(tmp, out.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public void printSummary(PrintStream out) {
        for (Cited c : cited) {
            out.println("harvest: " + c.doi());
            StringBuilder found = new StringBuilder();
            c.found().forEach((source, n) -> found.append(found.isEmpty() ? "" : ", ")
                    .append(source)
                    .append(' ')
                    .append(n));
            out.println("  citing works found: " + found + " (" + c.known() + " after merging " + c.duplicates()
                    + " duplicates)");
            for (String e : c.sourceErrors()) out.println("  source failed: " + e);
            out.println("  read " + sum(c.read()) + ": " + c.read().get("jats") + " JATS, "
                    + c.read().get("html") + " HTML");
            out.println("  not read " + sum(c.notRead()) + ": " + c.notRead().get("closed") + " closed, "
                    + c.notRead().get("pdfOnly") + " PDF only, " + c.notRead().get("fetchFailed") + " fetch failed, "
                    + c.notRead().get("parseFailed") + " parse failed"
                    + (c.notTried() > 0 ? "; " + c.notTried() + " not tried (over --max-works)" : ""));
            for (Work w : c.works()) {
                if (w.outcome() == null || w.outcome().isRead()) continue;
                out.printf("    %-11s %s: %s%n", w.outcome().wireName(), label(w), w.reason());
            }
            out.println("  " + c.summary());
        }
        out.printf(
                "harvest: %d requests sent, %d answered from the cache, %d retried; %.1f s%n",
                requests.sent(), requests.fromCache(), requests.retried(), elapsedMillis / 1000.0);
    }

    private static String label(Work w) {
        if (w.doi() != null) return "doi:" + w.doi();
        if (w.pmcid() != null) return w.pmcid();
        return "pmid:" + w.pmid();
    }

    static long sum(Map<String, Long> m) {
        return m.values().stream().mapToLong(Long::longValue).sum();
    }
}
