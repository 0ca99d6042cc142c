package org.citelens.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.citelens.classify.CitationClassifier;
import org.citelens.index.StatementSink;
import org.citelens.model.EditorialNotice;
import org.citelens.resolve.WorksRegistries;
import org.citelens.resolve.WorksRegistry;

/**
 * Ingests a corpus folder into an index folder: parse every file and register its article with the works
 * registry, resolve every reference, then extract, label and index, so a reference without a DOI can resolve to
 * any article of the corpus. Files run in parallel on a bounded pool; a file that fails is counted and reported
 * with its reason and never stops the batch; an article that was indexed before and now fails keeps its old
 * statements. Re-running is idempotent, and after a crash it completes the work.
 */
public final class CorpusIngest {
    /** A crash loses at most this much indexing work (besides {@link IngestOptions#commitEvery()} articles). */
    private static final long COMMIT_INTERVAL_NANOS = 60_000_000_000L;

    static final Map<String, String> COMPLETE = Map.of("citelens.ingest", "complete");

    private final IngestOptions options;
    private final CitationClassifier classifier;
    private final PrintStream progressOut;
    private final boolean terminal;

    private final IngestTarget target;

    public CorpusIngest(
            IngestOptions options, CitationClassifier classifier, PrintStream progressOut, boolean terminal) {
        this(options, IngestTarget.localIndex(), classifier, progressOut, terminal);
    }

    /**
     * An ingest writing to {@code target}; {@code options.index()} is then the work folder (the works registry and
     * the report), which for the local index is the index folder itself.
     */
    public CorpusIngest(
            IngestOptions options,
            IngestTarget target,
            CitationClassifier classifier,
            PrintStream progressOut,
            boolean terminal) {
        this.options = options;
        this.target = target;
        this.classifier = classifier;
        this.progressOut = progressOut;
        this.terminal = terminal;
    }

    public IngestReport run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        List<Path> files = CorpusFiles.list(options.corpus(), options.index());
        SkippedFiles skipped = new SkippedFiles(options.corpus());
        IngestCounts counts = new IngestCounts();
        Files.createDirectories(options.index());
        target.beforeRegistry(options.index().resolve(WorksRegistries.WORKS_DIR));
        int repointed;
        List<EditorialNotice> notices;
        try (ArticleFileReader fileReader = new ArticleFileReader(options.limits(), options.threads());
                WorksRegistries.ClosableWorksRegistry registry = WorksRegistries.open(options.index());
                StatementSink writer = target.openSink(options.index())) {
            writer.commit(IngestPasses.RUNNING);
            IngestPasses passes = new IngestPasses(
                    new SkippingReader(fileReader, skipped),
                    new FileWorkers(options.threads(), skipped),
                    skipped,
                    registry,
                    (pass, total) -> new IngestProgress(progressOut, pass, total, terminal, skipped::count));
            passes.parse(files);
            List<Path> good = passes.registerInPathOrder();
            notices = passes.notices();
            passes.searchCandidates(good);
            passes.resolveInPathOrder(good);
            passes.index(
                    good,
                    new StatementLabeller(classifier),
                    writer,
                    new CommitSchedule(options.commitEvery(), COMMIT_INTERVAL_NANOS),
                    counts);
            repointed = complete(writer, registry);
        }
        target.afterRegistry(options.index().resolve(WorksRegistries.WORKS_DIR));
        new IngestClosingLines(progressOut, "ingest").finish(repointed, notices, options.index());
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        long cpu = (processCpuNanos() - cpuStart) / 1_000_000;
        long inIndex = target.statementCount(options.index());
        IngestReport report = new IngestReport(
                options.corpus().toString(),
                options.index().toString(),
                options.threads(),
                files.size(),
                counts.articles.get(),
                counts.statements.get(),
                counts.markers.get(),
                counts.unlinkedMarkers.get(),
                skipped.sorted(),
                inIndex,
                elapsed,
                cpu);
        report.writeTo(options.index());
        return report;
    }

    /** The final flush and commit; then statements of earlier ingests whose key's DOI this one learned join it. */
    private int complete(StatementSink writer, WorksRegistry registry) throws IOException, InterruptedException {
        writer.flush(options.threads());
        writer.commit(COMPLETE);
        int repointed = writer.repoint(registry.mergedWorks());
        if (repointed > 0) writer.commit(COMPLETE);
        return repointed;
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : -1;
    }
}
