package org.citelens.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.citelens.index.StatementSink;
import org.citelens.ingest.ArticleSteps;
import org.citelens.ingest.CorpusFiles;
import org.citelens.ingest.IngestClosingLines;
import org.citelens.ingest.IngestReport;
import org.citelens.ingest.IngestTarget;
import org.citelens.ingest.SolrIngestTarget;
import org.citelens.resolve.WorksRegistries;
import org.citelens.solr.SolrConnection;

/**
 * One bulk ingest as Spark stages: parse (executors), register and resolve in path order (driver), extract and
 * label (executors), write (the driver for the local index, the executors for SolrCloud), then the single-machine
 * ingest's closing steps: final commit, re-pointing of merged keys, the works registry published, notices, report.
 */
final class SparkIngestJob {
    private final SparkIngestOptions options;
    private final PrintStream out;
    private final boolean terminal;

    SparkIngestJob(SparkIngestOptions options, PrintStream out, boolean terminal) {
        this.options = options;
        this.out = out;
        this.terminal = terminal;
    }

    IngestReport run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        List<Path> files = options.files() != null
                ? options.files().stream().sorted().toList()
                : CorpusFiles.list(options.corpus(), options.work());
        Files.createDirectories(options.work());
        try (SolrConnection solr = options.solr() == null
                        ? null
                        : SolrConnection.open(options.solr().urls(), options.solr().collection());
                JavaSparkContext sc = SparkContexts.local(options.master())) {
            sc.setLogLevel("WARN");
            IngestTarget target = solr == null ? IngestTarget.localIndex() : new SolrIngestTarget(solr);
            out.printf(
                    "spark-ingest: %d files into %s, master %s (%d task slots)%n",
                    files.size(), target.describe(), sc.master(), sc.defaultParallelism());
            Path worksDir = options.work().resolve(WorksRegistries.WORKS_DIR);
            target.beforeRegistry(worksDir);
            Totals totals = new Totals();
            List<org.citelens.model.EditorialNotice> notices;
            int repointed;
            try (ArticleSteps driverSteps = new ArticleSteps(options.corpus(), options.limits(), 1);
                    WorksRegistries.ClosableWorksRegistry registry = WorksRegistries.open(options.work());
                    StatementSink sink = target.openSink(options.work())) {
                sink.commit(ArticleSteps.RUNNING);
                int slots = sc.defaultParallelism();
                List<String> paths = files.stream().map(Path::toString).toList();
                LongAccumulator parsedFiles = sc.sc().longAccumulator("parsed");
                JavaRDD<ParsedFile> parsed = sc.parallelize(paths, options.partitionsFor(paths.size(), slots))
                        .mapPartitions(new ParseStage(options.corpus().toString(), options.limits(), parsedFiles))
                        // kept as objects for the extract stage; a partition dropped under memory pressure is parsed
                        // again, which gives the same articles
                        .persist(StorageLevel.MEMORY_ONLY());
                List<ParsedFile> heads = parse(parsed, parsedFiles, files.size(), totals);
                long t = System.nanoTime();
                OrderedRegistration.Outcome registered =
                        new OrderedRegistration(registry, driverSteps, slots).run(heads);
                totals.skipped.addAll(driverSteps.drainSkipped());
                notices = registered.notices();
                out.printf(
                        "spark-ingest register, resolve (driver, path order): %d articles in %.1f s%n",
                        registered.resolved().files(), (System.nanoTime() - t) / 1e9);
                Broadcast<ResolvedReferences> resolved = sc.broadcast(registered.resolved());
                Broadcast<LazyLabeller> labeller =
                        sc.broadcast(new LazyLabeller(options.labeller(), options.model()));
                LongAccumulator done = sc.sc().longAccumulator("labelled");
                LongAccumulator statements = sc.sc().longAccumulator("statements");
                JavaRDD<ArticleOutcome> outcomes = parsed.filter(f -> resolved.value().kept(f.path()))
                        .mapPartitions(new LabelStage(
                                options.corpus().toString(),
                                options.limits(),
                                resolved,
                                labeller,
                                options.solr(),
                                done,
                                statements));
                int kept = registered.resolved().files();
                if (solr == null) {
                    writeOnDriver(outcomes, kept, done, statements, sink, totals);
                } else {
                    try (StageProgress p = progress("extract, classify, write to Solr", kept, done, statements, totals)) {
                        for (ArticleOutcome o : outcomes.collect()) totals.add(o);
                    }
                }
                parsed.unpersist(false);
                sink.flush(slots);
                sink.commit(ArticleSteps.COMPLETE);
                repointed = sink.repoint(registry.mergedWorks());
                if (repointed > 0) sink.commit(ArticleSteps.COMPLETE);
            }
            target.afterRegistry(worksDir);
            new IngestClosingLines(out, "spark-ingest").finish(repointed, notices, options.work());
            IngestReport report = new IngestReport(
                    options.corpus().toString(),
                    options.work().toString(),
                    sc.defaultParallelism(),
                    files.size(),
                    totals.articles,
                    totals.statements,
                    totals.markers,
                    totals.unlinkedMarkers,
                    totals.sortedSkipped(),
                    target.statementCount(options.work()),
                    (System.nanoTime() - start) / 1_000_000,
                    (processCpuNanos() - cpuStart) / 1_000_000);
            report.writeTo(options.work());
            return report;
        }
    }

    /** Stage 1 run, and the heads of the parsed files brought to the driver in path order. */
    private List<ParsedFile> parse(JavaRDD<ParsedFile> parsed, LongAccumulator done, int total, Totals totals) {
        List<ParsedFile> heads;
        try (StageProgress p = progress("parse (executors)", total, done, null, totals)) {
            heads = new ArrayList<>(parsed.map(ParsedFile::forRegistration).collect());
        }
        heads.sort(Comparator.comparing(f -> Path.of(f.path())));
        for (ParsedFile f : heads) totals.skipped.addAll(f.skipped());
        return heads;
    }

    /**
     * The local index has one writer, here: the labelled statements are computed by the executors in parallel and
     * kept (spilling to disk), then streamed to the driver a partition at a time.
     */
    private void writeOnDriver(
            JavaRDD<ArticleOutcome> outcomes,
            int kept,
            LongAccumulator done,
            LongAccumulator statements,
            StatementSink sink,
            Totals totals)
            throws IOException {
        outcomes.persist(StorageLevel.MEMORY_AND_DISK());
        try (StageProgress p = progress("extract, classify (executors)", kept, done, statements, totals)) {
            outcomes.count();
        }
        int sinceCommit = 0;
        long t = System.nanoTime();
        for (Iterator<ArticleOutcome> it = outcomes.toLocalIterator(); it.hasNext(); ) {
            ArticleOutcome o = it.next();
            if (o.indexed()) {
                sink.replaceArticle(o.articleId(), o.statements());
                if (++sinceCommit == options.commitEvery()) {
                    sink.commit(ArticleSteps.RUNNING);
                    sinceCommit = 0;
                }
            }
            totals.add(o);
        }
        outcomes.unpersist(false);
        out.printf(
                "spark-ingest write (driver, the index's one writer): %d statements in %.1f s%n",
                totals.statements, (System.nanoTime() - t) / 1e9);
    }

    private StageProgress progress(
            String pass, long total, LongAccumulator done, LongAccumulator statements, Totals totals) {
        return new StageProgress(out, pass, total, terminal, done, statements, totals::skippedCount);
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : -1;
    }
}
