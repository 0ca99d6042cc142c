package org.citelens.crawl;

/**
 * What one run did (counts are for this run; {@code previouslyDone} is what the journal already held when it
 * started). Printed at the end and written to {@code DIR/crawl-summary.json}.
 */
public record CrawlSummary(
        long fetches,
        long stored,
        long duplicates,
        long linksOnly,
        long redirects,
        long retries,
        long skipped,
        long errors,
        long bytes,
        long elapsedMs,
        int queueLeft,
        int previouslyDone,
        int stalePartsRemoved,
        boolean stoppedAtMaxPages) {

    /** No page or file came of this run or an earlier one into the same folder: every seed was refused or failed. */
    public boolean nothingFetched() {
        return stored + duplicates + linksOnly == 0 && previouslyDone == 0;
    }

    public String describe() {
        return String.format(
                "crawl done in %.1f s: %d fetches (%s), %d stored, %d duplicates, %d link-only pages, %d redirects, "
                        + "%d retries, %d skipped, %d errors; %d URLs left in the frontier%s%s",
                elapsedMs / 1000.0,
                fetches,
                human(bytes),
                stored,
                duplicates,
                linksOnly,
                redirects,
                retries,
                skipped,
                errors,
                queueLeft,
                stoppedAtMaxPages ? " (stopped at --max-pages)" : "",
                previouslyDone > 0 ? "; resumed with " + previouslyDone + " URLs already done" : "");
    }

    private static String human(long b) {
        if (b < 10_000) return b + " B";
        if (b < 10_000_000) return (b / 1000) + " kB";
        return (b / 1_000_000) + " MB";
    }
}
