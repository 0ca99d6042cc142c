package org.citelens.index;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.citelens.classify.CitationClassifier;
import org.citelens.extract.CitationStatementExtractor;
import org.citelens.extract.Extraction;
import org.citelens.model.Article;
import org.citelens.parse.ArticleParsers;
import org.citelens.parse.MalformedArticleException;
import org.citelens.resolve.WorksRegistries;
import org.citelens.resolve.WorksRegistry;

/**
 * Ingests a corpus folder into an index folder in two passes over the files: the first parses every article and
 * registers it with the works registry, the second resolves, extracts, labels and indexes, so a reference without
 * a DOI can resolve to any article of the corpus. Files run in parallel on a bounded pool; a file that fails is
 * counted and reported with its reason and never stops the batch; an article that was indexed before and now
 * fails keeps its old statements. Re-running is idempotent, and after a crash it completes the work.
 */
public final class CorpusIngest {
    /** A crash loses at most this much indexing work (besides {@link IngestOptions#commitEvery()} articles). */
    private static final long COMMIT_INTERVAL_NANOS = 60_000_000_000L;

    private final IngestOptions options;
    private final CitationClassifier classifier;
    private final PrintStream progressOut;
    private final boolean terminal;
    private final ArticleParsers parsers = new ArticleParsers();
    private final CitationStatementExtractor extractor = new CitationStatementExtractor();

    public CorpusIngest(IngestOptions options, CitationClassifier classifier, PrintStream progressOut, boolean terminal) {
        this.options = options;
        this.classifier = classifier;
        this.progressOut = progressOut;
        this.terminal = terminal;
    }

    public IngestReport run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        List<Path> files = CorpusFiles.list(options.corpus(), options.index());
        ConcurrentLinkedQueue<IngestReport.SkippedFile> skipped = new ConcurrentLinkedQueue<>();
        // parsed articles kept between the passes while memory allows; the JVM drops them under pressure
        Map<Path, SoftReference<Article>> parsed = new ConcurrentHashMap<>();
        Map<String, Path> firstFileOfArticle = new ConcurrentHashMap<>();
        AtomicLong articles = new AtomicLong();
        AtomicLong statements = new AtomicLong();
        AtomicLong markers = new AtomicLong();
        AtomicLong unlinked = new AtomicLong();
        Files.createDirectories(options.index());
        try (WorksRegistries.ClosableWorksRegistry registry = WorksRegistries.open(options.index());
                StatementIndexWriter writer = StatementIndexWriter.open(options.index())) {
            writer.commit(Map.of("citelens.ingest", "running"));
            try (IngestProgress progress = new IngestProgress(progressOut, "pass 1/2 (parse, register works)", files.size(), terminal,
                    skipped::size)) {
                forEachFile(files, progress, file -> {
                    Article a = read(file, skipped);
                    if (a == null) return;
                    Path first = firstFileOfArticle.putIfAbsent(a.metadata().articleId(), file);
                    if (first != null) {
                        skipped.add(new IngestReport.SkippedFile(source(file), "parse", "duplicate of "
                                + source(first) + " (same article id " + a.metadata().articleId() + ")"));
                        return;
                    }
                    synchronized (registry) {
                        registry.register(a);
                    }
                    parsed.put(file, new SoftReference<>(a));
                }, skipped);
            }
            List<Path> good = new ArrayList<>(parsed.keySet());
            good.sort(null);
            AtomicLong sinceCommit = new AtomicLong();
            AtomicLong lastCommit = new AtomicLong(System.nanoTime());
            try (IngestProgress progress = new IngestProgress(progressOut, "pass 2/2 (extract, classify, index)", good.size(), terminal,
                    skipped::size)) {
                StatementLabeller labeller = new StatementLabeller(classifier);
                forEachFile(good, progress, file -> {
                    Article a = parsed.remove(file).get();
                    if (a == null && (a = read(file, skipped)) == null) return;
                    Extraction x = extract(a, registry, file, skipped);
                    if (x == null) return;
                    writer.replaceArticle(a.metadata().articleId(), labeller.label(x.statements()));
                    articles.incrementAndGet();
                    statements.addAndGet(x.statements().size());
                    progress.statements.addAndGet(x.statements().size());
                    markers.addAndGet(x.markers());
                    unlinked.addAndGet(x.unlinkedMarkers());
                    long now = System.nanoTime();
                    long last = lastCommit.get();
                    boolean due = sinceCommit.incrementAndGet() % options.commitEvery() == 0
                            || now - last > COMMIT_INTERVAL_NANOS;
                    // one worker commits; the others go on adding (IndexWriter allows both at once)
                    if (due && lastCommit.compareAndSet(last, now)) writer.commit(Map.of("citelens.ingest", "running"));
                }, skipped);
            }
            writer.commit(Map.of("citelens.ingest", "complete"));
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        long cpu = (processCpuNanos() - cpuStart) / 1_000_000;
        List<IngestReport.SkippedFile> skippedSorted = new ArrayList<>(skipped);
        skippedSorted.sort(Comparator.comparing(IngestReport.SkippedFile::file));
        long inIndex;
        try (LuceneStatementStore store = LuceneStatementStore.open(options.index())) {
            inIndex = store.statementCount();
        }
        IngestReport report = new IngestReport(options.corpus().toString(), options.index().toString(),
                options.threads(), files.size(), articles.get(), statements.get(), markers.get(), unlinked.get(),
                skippedSorted, inIndex, elapsed, cpu);
        report.writeTo(options.index());
        return report;
    }

    /** Reads and parses one file; null (and the reason recorded) when it is not a readable article. */
    private Article read(Path file, ConcurrentLinkedQueue<IngestReport.SkippedFile> skipped) {
        String reason;
        String pass = "read";
        try {
            long size = Files.size(file);
            if (size > options.maxFileBytes()) {
                reason = "larger than " + options.maxFileBytes() + " bytes (" + size + ")";
            } else if (size == 0) {
                reason = "empty file";
            } else {
                pass = "parse";
                return parsers.parse(Files.readAllBytes(file), source(file));
            }
        } catch (MalformedArticleException e) {
            reason = e.getMessage();
        } catch (IOException e) {
            reason = "cannot read: " + e;
        } catch (StackOverflowError e) {
            reason = "too deeply nested to parse";
        } catch (RuntimeException e) {
            reason = "parser failed: " + e;
        }
        skipped.add(new IngestReport.SkippedFile(source(file), pass, reason));
        return null;
    }

    private Extraction extract(Article a, WorksRegistry registry, Path file,
            ConcurrentLinkedQueue<IngestReport.SkippedFile> skipped) {
        try {
            return extractor.extract(a, registry);
        } catch (StackOverflowError e) {
            skipped.add(new IngestReport.SkippedFile(source(file), "extract", "too deeply nested to extract"));
        } catch (RuntimeException e) {
            skipped.add(new IngestReport.SkippedFile(source(file), "extract", "extractor failed: " + e));
        }
        return null;
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    private String source(Path file) {
        return CorpusFiles.sourceName(options.corpus(), file);
    }

    private interface FileTask {
        void run(Path file) throws IOException;
    }

    /**
     * Runs the task over the files on a pool of {@code threads} workers. The queue is bounded and a full queue
     * makes the submitting thread work too, so at most a few files per worker are in memory at once.
     */
    private void forEachFile(List<Path> files, IngestProgress progress, FileTask task,
            ConcurrentLinkedQueue<IngestReport.SkippedFile> skipped) throws IOException, InterruptedException {
        int n = options.threads();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(n * 4),
                new ThreadPoolExecutor.CallerRunsPolicy());
        ConcurrentLinkedQueue<IOException> indexFailures = new ConcurrentLinkedQueue<>();
        try {
            for (Path file : files) {
                if (!indexFailures.isEmpty()) break;
                pool.execute(() -> {
                    try {
                        task.run(file);
                    } catch (IOException e) {
                        indexFailures.add(e); // the index itself failed (disk full...): stop, this is not one bad file
                    } catch (RuntimeException | StackOverflowError e) {
                        skipped.add(new IngestReport.SkippedFile(source(file), "extract", "failed: " + e));
                    } finally {
                        progress.done.incrementAndGet();
                    }
                });
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
        }
        if (!indexFailures.isEmpty()) throw indexFailures.peek();
    }
}
