package org.citelens.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.citelens.classify.CitationClassifier;
import org.citelens.extract.Extraction;
import org.citelens.index.LuceneStatementStore;
import org.citelens.index.StatementIndexWriter;
import org.citelens.model.Article;
import org.citelens.model.Reference;
import org.citelens.parse.MalformedArticleException;
import org.citelens.parse.RejectedDocumentException;
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
        Map<Path, String> articleIdOfFile = new ConcurrentHashMap<>();
        AtomicLong articles = new AtomicLong();
        AtomicLong statements = new AtomicLong();
        AtomicLong markers = new AtomicLong();
        AtomicLong unlinked = new AtomicLong();
        Files.createDirectories(options.index());
        int repointed;
        try (ArticleFileReader reader = new ArticleFileReader(options.limits(), options.threads());
                WorksRegistries.ClosableWorksRegistry registry = WorksRegistries.open(options.index());
                StatementIndexWriter writer = StatementIndexWriter.open(options.index())) {
            writer.commit(Map.of("citelens.ingest", "running"));
            try (IngestProgress progress = new IngestProgress(progressOut, "pass 1/2 (parse, register works)", files.size(), terminal,
                    skipped::size)) {
                forEachFile(files, progress, file -> {
                    Article a = read(reader, file, skipped);
                    if (a == null) return;
                    parsed.put(file, new SoftReference<>(a));
                    articleIdOfFile.put(file, a.metadata().articleId());
                    // the first file in path order wins whatever the threads' timing, so re-runs choose the same one
                    firstFileOfArticle.merge(a.metadata().articleId(), file, (x, y) -> x.compareTo(y) <= 0 ? x : y);
                }, skipped);
            }
            List<Path> good = new ArrayList<>(parsed.keySet());
            good.sort(null);
            // registered one by one in path order, so the registry (and every resolution) is the same on each run
            for (Iterator<Path> it = good.iterator(); it.hasNext(); ) {
                Path file = it.next();
                String id = articleIdOfFile.get(file);
                Path first = firstFileOfArticle.get(id);
                if (!first.equals(file)) {
                    skipped.add(new IngestReport.SkippedFile(source(file), "parse", "duplicate of "
                            + source(first) + " (same article id " + id + ")", "duplicate"));
                    parsed.remove(file);
                    it.remove();
                    continue;
                }
                Article a = parsed.get(file).get();
                if (a == null && (a = read(reader, file, skipped)) == null) {
                    parsed.remove(file);
                    it.remove();
                    continue;
                }
                parsed.put(file, new SoftReference<>(a));
                registry.register(a);
            }
            // The costly part of resolving, the candidate searches, depends only on what is registered: done first on
            // every worker, it leaves the ordered pass below only the cheap, order-dependent decisions.
            try (IngestProgress progress = new IngestProgress(progressOut, "resolve (candidate search)", good.size(),
                    terminal, skipped::size)) {
                forEachFile(good, progress, file -> {
                    Article a = parsed.get(file).get();
                    if (a == null) return; // dropped under memory pressure: the ordered pass searches for it
                    try {
                        for (Reference ref : a.references()) registry.prepare(ref);
                    } catch (RuntimeException e) {
                        // an optimisation only: the ordered pass resolves this article itself and reports what fails
                    }
                }, skipped);
            }
            // Resolving a reference can teach a work key its DOI, which changes how later references resolve; done
            // here once, one article at a time in path order, the outcome no longer depends on the timing of the
            // parallel pass below (which then finds every resolution cached), so a run after a crash gives the same.
            for (Path file : good) {
                Article a = parsed.get(file).get();
                if (a == null && (a = read(reader, file, skipped)) == null) continue;
                for (Reference ref : a.references()) registry.resolve(a.metadata(), ref);
            }
            AtomicLong sinceCommit = new AtomicLong();
            AtomicLong lastCommit = new AtomicLong(System.nanoTime());
            try (IngestProgress progress = new IngestProgress(progressOut, "pass 2/2 (extract, classify, index)", good.size(), terminal,
                    skipped::size)) {
                StatementLabeller labeller = new StatementLabeller(classifier);
                forEachFile(good, progress, file -> {
                    Article a = parsed.remove(file).get();
                    if (a == null && (a = read(reader, file, skipped)) == null) return;
                    Extraction x = extract(reader, a, registry, file, skipped);
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
            writer.flush(options.threads());
            writer.commit(Map.of("citelens.ingest", "complete"));
            // statements an earlier ingest indexed under a key whose DOI this one learned join their work
            repointed = writer.repoint(registry.mergedWorks());
            if (repointed > 0) writer.commit(Map.of("citelens.ingest", "complete"));
        }
        if (repointed > 0) {
            progressOut.println("ingest: " + repointed + " statements indexed earlier under a key now point at the DOI it was merged into");
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

    /** Reads and parses one file under the document limits; null (and the reason recorded) when it is not one. */
    private Article read(ArticleFileReader reader, Path file, ConcurrentLinkedQueue<IngestReport.SkippedFile> skipped) {
        String pass = "read";
        String kind;
        String reason;
        try {
            return reader.read(file, source(file));
        } catch (RejectedDocumentException e) {
            kind = e.kind().wireName();
            reason = e.getMessage();
            if (e.kind() != RejectedDocumentException.Kind.TOO_LARGE && e.kind() != RejectedDocumentException.Kind.EMPTY) {
                pass = "parse";
            }
        } catch (MalformedArticleException e) {
            pass = "parse";
            kind = "not-an-article";
            reason = e.getMessage();
        } catch (IOException e) {
            kind = "unreadable";
            reason = "cannot read: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kind = "interrupted";
            reason = "ingest interrupted";
        }
        skipped.add(new IngestReport.SkippedFile(source(file), pass, reason, kind));
        return null;
    }

    private Extraction extract(ArticleFileReader reader, Article a, WorksRegistry registry, Path file,
            ConcurrentLinkedQueue<IngestReport.SkippedFile> skipped) {
        try {
            return reader.extract(a, registry);
        } catch (RejectedDocumentException e) {
            skipped.add(new IngestReport.SkippedFile(source(file), "extract", e.getMessage(), e.kind().wireName()));
        } catch (MalformedArticleException e) {
            skipped.add(new IngestReport.SkippedFile(source(file), "extract", e.getMessage(), "extract-error"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            skipped.add(new IngestReport.SkippedFile(source(file), "extract", "ingest interrupted", "interrupted"));
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
                        skipped.add(new IngestReport.SkippedFile(source(file), "extract", "failed: " + e, "extract-error"));
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
