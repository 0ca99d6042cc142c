package org.citelens.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.citelens.classify.Classifiers;
import org.citelens.cli.Args;
import org.citelens.cli.UsageException;
import org.citelens.ingest.IngestOptions;
import org.citelens.ingest.IngestReport;
import org.citelens.parse.DocumentLimits;

/**
 * {@code spark-ingest --corpus DIR (--index DIR | --solr URL[,URL...] --collection NAME [--work DIR])
 * [--master local[N]] [--paths FILE] [--partitions N] [--labeller transformer|fast | --model FILE|DIR]
 * [--commit-every N] [--max-file-mb N] [--max-elements N] [--max-depth N] [--max-doc-seconds N]}: the ingest
 * pipeline as Spark stages (docs/spark.md). Exit 0 when the batch finished (skipped files are listed in the summary
 * and the report), 2 with one line for a usage error, 1 when the job failed.
 */
public final class SparkIngestCommand {
    static final String NAME = "spark-ingest";

    private SparkIngestCommand() {}

    public static void main(String[] argv) {
        // Spark logs through slf4j at INFO, some hundred lines a run: warnings only, so progress stays readable
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.hadoop.util.NativeCodeLoader", "error");
        // SolrJ 10's live-node refresher may still fire once after a task closed its connection, and logs a stack trace
        // of the closed client (harmless: the connection is done); each partition closes one
        System.setProperty(
                "org.slf4j.simpleLogger.log.org.apache.solr.client.solrj.impl.BaseHttpClusterStateProvider", "error");
        System.exit(run(argv, System.err, System.console() != null));
    }

    static int run(String[] argv, PrintStream err, boolean terminal) {
        try {
            SparkIngestOptions options = parse(new Args(Arrays.asList(argv)));
            err.printf(
                    "%s: corpus=%s %s=%s master=%s labeller=%s%n",
                    NAME,
                    options.corpus(),
                    options.solr() == null ? "index" : "work",
                    options.work(),
                    options.master(),
                    options.model() != null ? options.model() : options.labeller());
            IngestReport report = new SparkIngestJob(options, err, terminal).run();
            report.printSummary(err);
            err.println(NAME + ": report written to " + options.work().resolve(IngestReport.FILE_NAME));
            return 0;
        } catch (UsageException e) {
            err.println(NAME + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println(NAME + " failed: " + e);
            return 1;
        }
    }

    static SparkIngestOptions parse(Args args) throws IOException {
        args.allowOnly(Set.of(
                "corpus",
                "index",
                "solr",
                "collection",
                "work",
                "master",
                "paths",
                "partitions",
                "labeller",
                "model",
                "commit-every",
                "max-file-mb",
                "max-elements",
                "max-depth",
                "max-doc-seconds"));
        if (!args.positional().isEmpty()) throw new UsageException("unexpected argument " + args.positional().get(0));
        Path corpus = args.requirePath("corpus");
        if (!Files.isDirectory(corpus)) throw new UsageException("--corpus " + corpus + " is not a folder");
        boolean solr = args.has("solr");
        if (solr && args.has("index")) {
            throw new UsageException("give either --index DIR (the local index) or --solr URL --collection NAME, not both");
        }
        if (args.has("collection") && !solr) throw new UsageException("--collection goes with --solr URL");
        if (args.has("work") && !solr) throw new UsageException("--work goes with --solr (the local index is its own work folder)");
        if (!solr && !args.has("index")) throw new UsageException("give --index DIR or --solr URL --collection NAME");
        SolrDestination destination = null;
        if (solr) {
            destination = new SolrDestination(args.require("solr"), args.require("collection"));
            try {
                org.citelens.solr.SolrConnection.open(destination.urls(), destination.collection()).close();
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        Path work = solr
                ? (args.has("work") ? args.requirePath("work") : Files.createTempDirectory("citelens-spark-ingest-"))
                : args.requirePath("index");
        if (Files.exists(work) && !Files.isDirectory(work)) {
            throw new UsageException((solr ? "--work " : "--index ") + work + " exists and is not a folder");
        }
        String master = args.get("master", "local[*]");
        if (!SparkContexts.LOCAL_MASTER.matcher(master).matches()) {
            throw new UsageException("--master takes local, local[N] or local[*], not '" + master
                    + "' (a cluster runs the job through spark-submit: docs/spark.md)");
        }
        if (args.has("model") && args.has("labeller")) throw new UsageException("give --model or --labeller, not both");
        Path model = args.has("model") ? args.requirePath("model") : null;
        if (model != null && !Files.exists(model)) throw new UsageException("no such model file or folder: " + model);
        String labeller = args.get("labeller", Classifiers.DEFAULT);
        if (!labeller.equals(Classifiers.DEFAULT) && !labeller.equals(Classifiers.FAST)) {
            throw new UsageException("--labeller takes transformer or fast, not '" + labeller + "'");
        }
        long maxMb = positive(args, "max-file-mb", (int) (IngestOptions.DEFAULT_MAX_FILE_BYTES / (1024 * 1024)));
        DocumentLimits limits = new DocumentLimits(
                maxMb * 1024 * 1024,
                positive(args, "max-elements", DocumentLimits.DEFAULT_MAX_ELEMENTS),
                positive(args, "max-depth", DocumentLimits.DEFAULT_MAX_DEPTH),
                positive(args, "max-doc-seconds", (int) (DocumentLimits.DEFAULT_MAX_MILLIS / 1000)) * 1000L);
        int partitions = args.has("partitions") ? positive(args, "partitions", 1) : 0;
        int commitEvery = positive(args, "commit-every", IngestOptions.DEFAULT_COMMIT_EVERY);
        List<Path> files = args.has("paths") ? listedFiles(corpus, args.requirePath("paths")) : null;
        return new SparkIngestOptions(
                corpus, files, work, destination, master, partitions, labeller, model, limits, commitEvery);
    }

    /**
     * The article files a {@code --paths} file lists, one a line (relative to the corpus folder, or absolute below
     * it); blank lines, lines starting with # and a
     * second mention of a file are passed over.
     */
    static List<Path> listedFiles(Path corpus, Path list) throws IOException {
        if (!Files.isRegularFile(list)) throw new UsageException("--paths " + list + " is not a file");
        Path root = corpus.toAbsolutePath().normalize();
        Set<Path> out = new LinkedHashSet<>();
        int n = 0;
        for (String line : Files.readAllLines(list)) {
            n++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) continue;
            Path p = Path.of(s);
            Path file = p.isAbsolute() ? p : corpus.resolve(p);
            if (!file.toAbsolutePath().normalize().startsWith(root)) {
                throw new UsageException("--paths line " + n + ": " + s + " is not below the corpus folder " + corpus);
            }
            if (!Files.isRegularFile(file)) throw new UsageException("--paths line " + n + ": no file " + file);
            // the same file as a folder walk gives it: below the corpus path as given, so its source name is the same
            out.add(corpus.resolve(root.relativize(file.toAbsolutePath().normalize())));
        }
        if (out.isEmpty()) throw new UsageException("--paths " + list + " lists no file");
        return List.copyOf(out);
    }

    private static int positive(Args args, String name, int fallback) {
        int v = args.getInt(name, fallback);
        if (v < 1) throw new UsageException("--" + name + " must be at least 1, not " + v);
        return v;
    }
}
