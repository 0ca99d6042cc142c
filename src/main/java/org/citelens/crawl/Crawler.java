package org.citelens.crawl;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Runs one crawl into an output folder, resuming whatever an earlier run into the same folder left unfinished.
 * The folder holds {@code store/} (the documents), {@code crawl-journal.jsonl} (status of every URL),
 * {@code fetch-log.jsonl} (every attempt and every skip), {@code crawl-settings.json} (the effective settings of
 * the last run), {@code crawl-summary.json} and {@code crawl.lock}.
 */
public final class Crawler {
    public static final String JOURNAL = "crawl-journal.jsonl";
    public static final String FETCH_LOG = "fetch-log.jsonl";
    public static final String SUMMARY = "crawl-summary.json";
    public static final String SETTINGS = "crawl-settings.json";
    private static final String LOCK = "crawl.lock";

    private final CrawlConfig config;
    private final List<String> seeds;
    private final List<String> allow;
    private final Path out;
    private final PrintStream log;
    private final LongSupplier clock = System::currentTimeMillis;

    /** @throws IllegalArgumentException naming a seed or pattern that cannot be used */
    public Crawler(CrawlConfig config, List<String> seeds, List<String> allow, Path out, PrintStream log) {
        if (seeds.isEmpty()) throw new IllegalArgumentException("at least one --seed is needed");
        UrlNormalizer n = new UrlNormalizer();
        List<String> normalized = new ArrayList<>();
        for (String s : seeds) {
            String url = n.normalize(
                    s.contains("://") ? s : Path.of(s).toAbsolutePath().toUri().toString());
            if (url == null)
                throw new IllegalArgumentException("seed '" + s + "' is not an http://, https:// or file:// URL");
            normalized.add(url);
        }
        this.config = config;
        this.seeds = List.copyOf(normalized);
        this.allow = List.copyOf(allow);
        this.out = out.toAbsolutePath().normalize();
        this.log = log;
    }

    public CrawlSummary run() throws IOException, InterruptedException {
        Files.createDirectories(out);
        try (FileChannel lockChannel =
                        FileChannel.open(out.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockChannel.tryLock()) {
            if (lock == null) throw new IOException("another crawl is writing to " + out);
            return runLocked();
        }
    }

    private CrawlSummary runLocked() throws IOException, InterruptedException {
        long started = clock.getAsLong();
        UrlNormalizer normalizer = new UrlNormalizer();
        UrlScope scope = new UrlScope(seeds, allow);
        DocumentStore store = new DocumentStore(out);
        int staleParts = store.removeStaleParts();
        CrawlStats stats = new CrawlStats();
        HostQueues queues = new HostQueues(clock);
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, r -> daemon(r, "crawl-timer"));
        try (JsonLinesFile journal = new JsonLinesFile(out.resolve(JOURNAL));
                JsonLinesFile fetchLog = new JsonLinesFile(out.resolve(FETCH_LOG))) {
            Frontier frontier = new Frontier(queues, journal, fetchLog, Crawler::hostKey, stats);
            long[] replayed = frontier.replay();
            List<Path> fileRoots = fileRoots();
            addSeeds(frontier, normalizer);
            // the effective settings go to a file, not stderr: a dozen lines there would hide the progress
            Files.writeString(out.resolve(SETTINGS), JsonLinesFile.toJson(config.describe()), StandardCharsets.UTF_8);
            logStart(replayed, staleParts, journal.tornBytes() + fetchLog.tornBytes());

            AddressGuard guard = new AddressGuard(config.allowLoopback(), config.allowPrivate());
            HttpFetcher http = new HttpFetcher(config, timers);
            AtomicBoolean stoppedAtMax = new AtomicBoolean();
            LinkFollower links = new LinkFollower(
                    normalizer, frontier, scope, new LinkExtractor(normalizer), config.maxDepth(), clock);
            CrawlWorker.Shared shared = new CrawlWorker.Shared(
                    config, queues, frontier, links, new AtomicLong(replayed[1]), stoppedAtMax, clock);
            PoliteFetcher fetcher = new PoliteFetcher(
                    config,
                    guard,
                    new RobotsCache(http, guard, config, clock),
                    http,
                    new FileFetcher(fileRoots, config.maxBytes()),
                    stats,
                    clock);
            ResponseHandler responses = new ResponseHandler(
                    config,
                    normalizer,
                    frontier,
                    new ResponseClassifier(),
                    new SitemapReader(config.maxBytes()),
                    store,
                    links,
                    clock);
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < config.threads(); i++) {
                workers.add(Thread.ofPlatform()
                        .name("crawl-worker-" + i)
                        .start(new CrawlWorker(shared, fetcher, responses)));
            }
            timers.scheduleAtFixedRate(
                    () -> progress(stats, queues, started),
                    config.progressIntervalMs(),
                    config.progressIntervalMs(),
                    TimeUnit.MILLISECONDS);
            for (Thread t : workers) t.join();
            CrawlSummary summary = new CrawlSummary(
                    stats.fetches.get(),
                    stats.stored.get(),
                    stats.duplicates.get(),
                    stats.linksOnly.get(),
                    stats.redirects.get(),
                    stats.retries.get(),
                    stats.skipped.get(),
                    stats.errors.get(),
                    stats.bytes.get(),
                    clock.getAsLong() - started,
                    queues.queued(),
                    (int) replayed[0],
                    staleParts,
                    stoppedAtMax.get());
            Files.writeString(out.resolve(SUMMARY), JsonLinesFile.toJson(summary), StandardCharsets.UTF_8);
            log.println(summary.describe());
            if (summary.nothingFetched()) {
                log.println("crawl: nothing could be fetched: " + String.join("; ", stats.firstProblems())
                        + " (every attempt is in " + FETCH_LOG + ")");
            }
            return summary;
        } finally {
            timers.shutdownNow();
        }
    }

    /**
     * Seeds are queued at depth 0. A folder seed queues every regular file under it at the depth limit, so the
     * files' own ordinary links (mostly dead relative links of saved pages) are not followed.
     */
    private void addSeeds(Frontier frontier, UrlNormalizer normalizer) throws IOException {
        Frontier.Batch batch = new Frontier.Batch();
        for (String seed : seeds) {
            List<String> urls = expand(seed, normalizer);
            int depth = urls.size() == 1 && urls.get(0).equals(seed) ? 0 : config.maxDepth();
            for (String url : urls) {
                if (frontier.claim(url)) batch.discovered(new CrawlTask(url, depth, 0, 0), clock.getAsLong());
            }
        }
        frontier.commit(batch);
    }

    private static List<String> expand(String seed, UrlNormalizer normalizer) throws IOException {
        if (!seed.startsWith("file:")) return List.of(seed);
        Path p = Path.of(URI.create(seed));
        if (!Files.isDirectory(p)) return List.of(seed);
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(p)) {
            walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .forEach(f -> {
                        String url = normalizer.normalize(f.toUri().toString());
                        if (url != null) files.add(url);
                    });
        }
        return files;
    }

    /** The real folders file:// URLs must stay inside: each directory seed, or a file seed's folder. */
    private List<Path> fileRoots() throws IOException {
        List<Path> roots = new ArrayList<>();
        for (String seed : seeds) {
            if (!seed.startsWith("file:")) continue;
            Path p = Path.of(URI.create(seed));
            if (!Files.exists(p)) throw new IllegalArgumentException("file seed " + p + " does not exist");
            Path real = p.toRealPath();
            roots.add(Files.isDirectory(real) ? real : real.getParent());
        }
        return roots;
    }

    private void logStart(long[] replayed, int staleParts, long tornBytes) {
        log.println("crawl: seeds " + seeds + (allow.isEmpty() ? "" : ", --allow " + allow) + ", output " + out
                + " (settings in " + SETTINGS + ")");
        if (replayed[0] > 0 || staleParts > 0 || tornBytes > 0) {
            log.println("crawl: resuming: " + replayed[0] + " URLs already done, " + staleParts
                    + " unfinished .part files removed, " + tornBytes + " bytes of torn log lines cut");
        }
    }

    private void progress(CrawlStats s, HostQueues q, long started) {
        double secs = Math.max(0.001, (clock.getAsLong() - started) / 1000.0);
        long done = s.stored.get() + s.duplicates.get() + s.linksOnly.get() + s.redirects.get();
        log.printf(
                "crawl: %d fetches (%.1f/s), %d pages handled, %d stored, %d skipped, %d errors, %d retries, queue %d%n",
                s.fetches.get(),
                s.fetches.get() / secs,
                done,
                s.stored.get(),
                s.skipped.get(),
                s.errors.get(),
                s.retries.get(),
                q.queued());
    }

    /** The politeness unit: scheme, host and port, or one queue for all local files. */
    static String hostKey(String url) {
        return url.startsWith("file:") ? "file://" : RobotsCache.hostKey(url);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
