package org.citelens.cli;

import java.nio.file.Path;
import java.util.Set;
import org.citelens.ingest.CorpusIngest;
import org.citelens.ingest.IngestOptions;
import org.citelens.ingest.IngestReport;
import org.citelens.ingest.SolrIngestTarget;
import org.citelens.parse.DocumentLimits;
import org.citelens.solr.SolrConnection;

/**
 * {@code ingest --corpus DIR --index DIR [--threads N] [--max-file-mb N] [--max-elements N] [--max-depth N]
 * [--max-doc-seconds N] [--commit-every N] [--labeller transformer|fast] [--model FILE|DIR]}: parses, extracts, classifies and indexes every article file below the
 * corpus folder. The {@code --max-*} flags are the per-document limits ({@link DocumentLimits}, safe defaults);
 * a document over any of them is skipped with the reason. Exit 0 when the batch finished, even with
 * skipped files (they are listed in the summary and in {@code ingest-report.json}); 1 when the index failed.
 */
public final class IngestCommand implements Command {
    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public String summary() {
        return "parse, extract, classify and index a folder of articles (--corpus DIR --index DIR [--threads N])";
    }

    @Override
    public int run(Args args) throws Exception {
        args.allowOnly(Set.of(
                "corpus",
                "index",
                "threads",
                "max-file-mb",
                "max-elements",
                "max-depth",
                "max-doc-seconds",
                "commit-every",
                "labeller",
                "model",
                "solr",
                "collection",
                "work"));
        Path corpus = args.requirePath("corpus");
        boolean solr = SolrTarget.requested(args);
        if (args.has("work") && !solr) throw new UsageException("--work goes with --solr (the local index is its own work folder)");
        Path index = solr ? workFolder(args) : args.requirePath("index");
        int threads = args.getInt("threads", Runtime.getRuntime().availableProcessors());
        if (threads < 1 || threads > 256) throw new UsageException("--threads takes 1 to 256, not " + threads);
        long maxMb = args.getLong("max-file-mb", IngestOptions.DEFAULT_MAX_FILE_BYTES / (1024 * 1024));
        if (maxMb < 1) throw new UsageException("--max-file-mb must be at least 1");
        int commitEvery = args.getInt("commit-every", IngestOptions.DEFAULT_COMMIT_EVERY);
        if (commitEvery < 1) throw new UsageException("--commit-every must be at least 1");
        if (!corpus.toFile().isDirectory()) throw new UsageException("--corpus " + corpus + " is not a folder");
        if (index.toFile().exists() && !index.toFile().isDirectory()) {
            throw new UsageException("--index " + index + " exists and is not a folder");
        }
        DocumentLimits limits = new DocumentLimits(
                maxMb * 1024 * 1024,
                positive(args, "max-elements", DocumentLimits.DEFAULT_MAX_ELEMENTS),
                positive(args, "max-depth", DocumentLimits.DEFAULT_MAX_DEPTH),
                positive(args, "max-doc-seconds", (int) (DocumentLimits.DEFAULT_MAX_MILLIS / 1000)) * 1000L);
        IngestOptions options = new IngestOptions(corpus, index, threads, commitEvery, limits);
        if (solr) return ingestToSolr(args, options);
        System.err.printf(
                "ingest: corpus=%s index=%s threads=%d commit-every=%d%n", corpus, index, threads, commitEvery);
        System.err.printf(
                "ingest: per-document limits max-file-mb=%d max-elements=%d max-depth=%d max-doc-seconds=%d%n",
                maxMb, limits.maxElements(), limits.maxDepth(), limits.maxMillis() / 1000);
        org.citelens.classify.CitationClassifier labeller = Labellers.choose(args);
        System.err.printf("ingest: labelling with %s%n", labeller.name());
        IngestReport report = new CorpusIngest(options, labeller, System.err, System.console() != null).run();
        report.printSummary(System.err);
        System.err.println("ingest: report written to " + index.resolve(IngestReport.FILE_NAME));
        return 0;
    }

    /**
     * The same pipeline writing to a SolrCloud collection; the work folder (--work, else a temporary one) holds the
     * works registry while it runs and the report.
     */
    private static int ingestToSolr(Args args, IngestOptions options) throws Exception {
        try (SolrConnection solr = SolrTarget.connect(args)) {
            SolrIngestTarget target = new SolrIngestTarget(solr);
            System.err.printf(
                    "ingest: corpus=%s into %s (work folder %s) threads=%d%n",
                    options.corpus(), target.describe(), options.index(), options.threads());
            org.citelens.classify.CitationClassifier labeller = Labellers.choose(args);
            System.err.printf("ingest: labelling with %s%n", labeller.name());
            IngestReport report =
                    new CorpusIngest(options, target, labeller, System.err, System.console() != null).run();
            report.printSummary(System.err);
            System.err.println("ingest: report written to " + options.index().resolve(IngestReport.FILE_NAME));
        }
        return 0;
    }

    private static Path workFolder(Args args) throws java.io.IOException {
        if (args.has("work")) return args.requirePath("work");
        return java.nio.file.Files.createTempDirectory("citelens-ingest-");
    }

    private static int positive(Args args, String name, int fallback) throws UsageException {
        int v = args.getInt(name, fallback);
        if (v < 1) throw new UsageException("--" + name + " must be at least 1, not " + v);
        return v;
    }
}
