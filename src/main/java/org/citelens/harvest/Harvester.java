package org.citelens.harvest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.citelens.classify.CitationClassifier;
import org.citelens.index.Coverage;
import org.citelens.index.CoverageFile;
import org.citelens.index.DaemonScheduler;
import org.citelens.index.LuceneStatementStore;
import org.citelens.index.Tallies;
import org.citelens.ingest.CorpusIngest;
import org.citelens.ingest.IngestOptions;
import org.citelens.ingest.IngestReport;

/**
 * One harvest: list the citing works of each cited DOI (OpenCitations and Europe PMC, merged), fetch the open full
 * text of each (JATS first, then publisher HTML), ingest what was read into the index, record the coverage
 * (citing works known and read) beside the index, and report. Each work's outcome is journalled as it finishes
 * and every definite answer is cached, so a re-run after a kill continues and asks no server twice.
 */
public final class Harvester {
    static final String CORPUS_DIR = "corpus";
    private static final String CACHE_DIR = "cache";
    /**
     * Names the index {@code DIR/corpus} was last ingested into; removed as soon as a new text is kept, so a re-run
     * that read nothing new skips the ingest, and one killed between fetching and ingesting does not.
     */
    private static final String INGESTED_MARKER = "ingested-into.txt";

    private final HarvestOptions options;
    private final CitationClassifier classifier;
    private final PrintStream log;
    private final boolean terminal;

    /** @param classifier labels the statements at ingest; may be null when {@code options.index()} is null */
    public Harvester(HarvestOptions options, CitationClassifier classifier, PrintStream log, boolean terminal) {
        if (options.index() != null && classifier == null)
            throw new IllegalArgumentException("an index needs a labeller");
        this.options = options;
        this.classifier = classifier;
        this.log = log;
        this.terminal = terminal;
    }

    public HarvestReport run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path out = options.out();
        Files.createDirectories(out);
        ScheduledExecutorService watchdog = DaemonScheduler.named("citelens-harvest-watchdog");
        try (HarvestState state = new HarvestState(out)) {
            HttpSettings http = options.http();
            PoliteClient client =
                    new PoliteClient(http, options.email(), new ResponseCache(out.resolve(CACHE_DIR)), watchdog);
            SourceEndpoints ep = options.endpoints();
            OpenCitationsClient openCitations = new OpenCitationsClient(client, ep.opencitations(), http);
            EuropePmcClient europePmc = new EuropePmcClient(client, ep.europepmc(), http);
            UnpaywallClient unpaywall =
                    options.hasEmail() ? new UnpaywallClient(client, ep.unpaywall(), options.email(), http) : null;
            if (unpaywall == null)
                log.println("harvest: no --email given, so Unpaywall is not asked (it requires a contact address)");
            FullTextFetcher fetcher =
                    new FullTextFetcher(europePmc, unpaywall, new LandingPages(client, http, options.email()), out);

            List<CitingWorksLister.Listing> listings = new ArrayList<>();
            CitingWorksLister lister = new CitingWorksLister(openCitations, europePmc, log);
            for (String doi : options.cited()) listings.add(lister.list(doi));

            Map<String, CitingWork> toFetch = new LinkedHashMap<>();
            for (CitingWorksLister.Listing l : listings) {
                for (CitingWork w : l.works()
                        .subList(0, Math.min(options.maxWorks(), l.works().size()))) toFetch.putIfAbsent(w.key(), w);
            }
            Map<String, WorkOutcome> outcomes = fetchAll(toFetch, fetcher, state);

            if (options.index() != null
                    && outcomes.values().stream().anyMatch(o -> o.kind().isRead())) {
                if (alreadyIngested()) {
                    log.println("harvest: nothing new read since " + out.resolve(CORPUS_DIR) + " was ingested into "
                            + options.index());
                } else {
                    log.println("harvest: ingesting " + out.resolve(CORPUS_DIR) + " into " + options.index());
                    IngestReport ingest = new CorpusIngest(
                                    IngestOptions.defaults(out.resolve(CORPUS_DIR), options.index()),
                                    classifier,
                                    log,
                                    terminal)
                            .run();
                    overruleByIngest(ingest, toFetch, outcomes, state);
                    Files.writeString(out.resolve(INGESTED_MARKER), indexName());
                }
            }
            List<HarvestReport.Cited> cited = new ArrayList<>();
            Map<String, Coverage> coverage = new TreeMap<>();
            String now = Instant.now().toString();
            for (CitingWorksLister.Listing l : listings) {
                int tried = Math.min(options.maxWorks(), l.works().size());
                long read = l.works().subList(0, tried).stream()
                        .filter(w -> outcomes.get(w.key()).kind().isRead())
                        .count();
                coverage.put(l.doi(), new Coverage(l.works().size(), read, now));
            }
            if (options.index() != null) new CoverageFile(options.index()).record(coverage);
            Map<String, Tallies> tallies = tallies(coverage.keySet());
            for (CitingWorksLister.Listing l : listings) cited.add(cited(l, outcomes, tallies.get(l.doi())));
            Map<String, String> sources = new LinkedHashMap<>();
            sources.put(OpenCitationsClient.SOURCE, ep.opencitations());
            sources.put(EuropePmcClient.SOURCE, ep.europepmc());
            sources.put("unpaywall", unpaywall == null ? null : ep.unpaywall());
            HarvestReport report = new HarvestReport(
                    cited,
                    new HarvestReport.Requests(client.sent.get(), client.fromCache.get(), client.retried.get()),
                    sources,
                    options.index() == null ? null : options.index().toString(),
                    (System.nanoTime() - start) / 1_000_000);
            report.writeTo(out);
            return report;
        } finally {
            watchdog.shutdownNow();
        }
    }

    private Map<String, WorkOutcome> fetchAll(
            Map<String, CitingWork> works, FullTextFetcher fetcher, HarvestState state) throws IOException {
        Map<String, WorkOutcome> outcomes = new LinkedHashMap<>();
        try (HarvestProgress progress = new HarvestProgress(log, works.size(), terminal)) {
            for (CitingWork w : works.values()) {
                Optional<WorkOutcome> earlier = state.outcome(w.key());
                WorkOutcome o;
                if (earlier.isPresent()
                        && (earlier.get().kind().isRead() || !options.retryFailed())
                        && fileStillThere(earlier.get())) {
                    o = earlier.get();
                    progress.resumed.incrementAndGet();
                } else {
                    o = fetcher.fetch(w);
                    if (o.kind().isRead()) Files.deleteIfExists(options.out().resolve(INGESTED_MARKER));
                    state.record(w, o);
                }
                outcomes.put(w.key(), o);
                if (o.kind().isRead()) progress.read.incrementAndGet();
                progress.done.incrementAndGet();
            }
        }
        return outcomes;
    }

    private boolean alreadyIngested() throws IOException {
        Path marker = options.out().resolve(INGESTED_MARKER);
        return Files.exists(marker)
                && Files.readString(marker).equals(indexName())
                && Files.isDirectory(options.index());
    }

    private String indexName() {
        return options.index().toAbsolutePath().normalize().toString();
    }

    private boolean fileStillThere(WorkOutcome o) {
        return o.file() == null || Files.exists(options.out().resolve(o.file()));
    }

    /** A text the fetch check passed but ingest refused (its per-document limits) is not read after all. */
    private void overruleByIngest(
            IngestReport ingest, Map<String, CitingWork> works, Map<String, WorkOutcome> outcomes, HarvestState state)
            throws IOException {
        for (IngestReport.SkippedFile s : ingest.skipped()) {
            String name = Path.of(s.file()).getFileName().toString();
            for (Map.Entry<String, WorkOutcome> e : outcomes.entrySet()) {
                WorkOutcome o = e.getValue();
                if (o.file() != null
                        && Path.of(o.file()).getFileName().toString().equals(name)) {
                    WorkOutcome refused = WorkOutcome.notRead(OutcomeKind.PARSE_FAILED, "ingest: " + s.reason());
                    e.setValue(refused);
                    state.record(works.get(e.getKey()), refused);
                }
            }
        }
    }

    private Map<String, Tallies> tallies(java.util.Collection<String> dois) throws IOException {
        Path index = options.index();
        if (index == null || !Files.isDirectory(index)) return Map.of();
        try (FSDirectory dir = FSDirectory.open(index)) {
            if (!DirectoryReader.indexExists(dir)) return Map.of();
        }
        try (LuceneStatementStore store = LuceneStatementStore.open(index)) {
            return store.tallies(dois);
        }
    }

    private HarvestReport.Cited cited(CitingWorksLister.Listing l, Map<String, WorkOutcome> outcomes, Tallies tallies) {
        Map<String, Long> read = new LinkedHashMap<>();
        Map<String, Long> notRead = new LinkedHashMap<>();
        for (OutcomeKind k : OutcomeKind.values()) (k.isRead() ? read : notRead).put(k.wireName(), 0L);
        int tried = Math.min(options.maxWorks(), l.works().size());
        List<HarvestReport.Work> works = new ArrayList<>();
        for (int i = 0; i < l.works().size(); i++) {
            CitingWork w = l.works().get(i);
            WorkOutcome o = i < tried ? outcomes.get(w.key()) : null;
            if (o != null) (o.kind().isRead() ? read : notRead).merge(o.kind().wireName(), 1L, Long::sum);
            works.add(new HarvestReport.Work(
                    w.doi(),
                    w.pmid(),
                    w.pmcid(),
                    w.sources(),
                    o == null ? null : o.kind(),
                    o == null ? "over --max-works" : o.reason(),
                    o == null ? null : o.file()));
        }
        int notTried = l.works().size() - tried;
        return new HarvestReport.Cited(
                l.doi(),
                l.found(),
                l.errors(),
                l.duplicates(),
                l.works().size(),
                read,
                notRead,
                notTried,
                tallies,
                summary(l.works().size(), read, notRead, notTried, tallies),
                works);
    }

    /** "22 statements from 14 of 31 citing works; 17 could not be read: 12 closed, 4 PDF only, 1 failed". */
    String summary(int known, Map<String, Long> read, Map<String, Long> notRead, int notTried, Tallies t) {
        long r = HarvestReport.sum(read);
        long failed = notRead.get("fetchFailed") + notRead.get("parseFailed");
        String unread = HarvestReport.sum(notRead) + " could not be read: " + notRead.get("closed") + " closed, "
                + notRead.get("pdfOnly") + " PDF only, " + failed + " failed"
                + (notTried > 0 ? "; " + notTried + " not tried (--max-works " + options.maxWorks() + ")" : "");
        if (options.index() == null) {
            return r + " of " + known + " citing works read (kept in "
                    + options.out().resolve(CORPUS_DIR) + "; give --index to count their statements); " + unread;
        }
        long statements = t == null ? 0 : t.total();
        long from = t == null ? 0 : t.citingPublications();
        String s = statements + " statements from " + from + " of " + known + " citing works";
        if (from != r) s += " (" + r + " read)";
        return s + "; " + unread;
    }
}
