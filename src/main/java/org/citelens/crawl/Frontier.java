package org.citelens.crawl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Every URL the crawl knows with its status, the content hashes already kept, and the per-host queues, backed
 * by the journal. Changes reach disk in {@link Batch}es: the fetch log first, then the journal (forced), and
 * only then are new URLs queued, so a crash at any point either repeats a fetch or loses nothing.
 */
final class Frontier {
    private final Map<String, UrlStatus> known = new ConcurrentHashMap<>();
    private final Set<String> hashes = ConcurrentHashMap.newKeySet();
    private final HostQueues queues;
    private final JsonLinesFile journal;
    private final JsonLinesFile fetchLog;
    private final Function<String, String> hostOf;
    private final CrawlStats stats;

    Frontier(
            HostQueues queues,
            JsonLinesFile journal,
            JsonLinesFile fetchLog,
            Function<String, String> hostOf,
            CrawlStats stats) {
        this.queues = queues;
        this.journal = journal;
        this.fetchLog = fetchLog;
        this.hostOf = hostOf;
        this.stats = stats;
    }

    /**
     * Rebuilds the state from the journal: the last status of each URL wins, except that a DISCOVERED line never
     * undoes a finished one. URLs still DISCOVERED are queued again in their original order. Returns the number
     * of URLs already finished and the fetches already spent.
     */
    long[] replay() throws IOException {
        Map<String, JournalEntry> last = new LinkedHashMap<>();
        journal.replay(JournalEntry.class, e -> {
            JournalEntry before = last.get(e.url());
            if (before == null || e.status().done() || !before.status().done()) last.put(e.url(), e);
        });
        long done = 0;
        long fetched = 0;
        for (JournalEntry e : last.values()) {
            known.put(e.url(), e.status());
            if (e.status() == UrlStatus.FETCHED && e.sha256() != null) hashes.add(e.sha256());
            if (e.status().done()) done++;
            if (e.httpStatus() > 0) fetched++;
            if (e.status() == UrlStatus.DISCOVERED)
                queues.add(hostOf.apply(e.url()), new CrawlTask(e.url(), e.depth(), e.hops(), 0));
        }
        return new long[] {done, fetched};
    }

    /** Marks a URL as known; true only for the first caller, who must then record what becomes of it. */
    boolean claim(String url) {
        return known.putIfAbsent(url, UrlStatus.DISCOVERED) == null;
    }

    /** True when this body's hash was not kept before (and now counts as kept). */
    boolean firstTimeSeen(String sha256) {
        return hashes.add(sha256);
    }

    void commit(Batch b) throws IOException {
        fetchLog.append(b.log, false);
        journal.append(b.journal, true);
        for (JournalEntry e : b.journal) {
            if (e.status().done()) known.put(e.url(), e.status());
        }
        for (FetchLogEntry e : b.log) stats.count(e);
        for (CrawlTask t : b.tasks) queues.add(hostOf.apply(t.url()), t);
    }

    /** A retry is only logged: the URL stays DISCOVERED in the journal, so a killed run tries it afresh. */
    void logOnly(FetchLogEntry e) throws IOException {
        fetchLog.append(e, false);
        stats.count(e);
    }

    int size() {
        return known.size();
    }

    /** The records one handled URL produces, written together. */
    static final class Batch {
        final List<FetchLogEntry> log = new ArrayList<>();
        final List<JournalEntry> journal = new ArrayList<>();
        final List<CrawlTask> tasks = new ArrayList<>();

        void discovered(CrawlTask t, long now) {
            journal.add(JournalEntry.discovered(t.url(), t.depth(), t.hops(), now));
            tasks.add(t);
        }

        /** A URL refused without fetching it (scope, binary link, redirect cap). */
        void skippedUnfetched(String url, int depth, int hops, String reason, long now) {
            log.add(new FetchLogEntry(now, url, 0, null, 0, 0, FetchLogEntry.Outcome.SKIPPED, reason, null, null, 0));
            journal.add(new JournalEntry(url, UrlStatus.SKIPPED, depth, hops, 0, reason, null, null, now));
        }
    }
}
