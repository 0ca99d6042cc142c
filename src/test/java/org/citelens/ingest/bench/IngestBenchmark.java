package org.citelens.ingest.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.citelens.classify.CitationClassifier;
import org.citelens.classify.Classifiers;
import org.citelens.ingest.CorpusIngest;
import org.citelens.ingest.IngestOptions;
import org.citelens.ingest.IngestReport;
import org.citelens.parse.DocumentLimits;
import org.citelens.testdata.RepositoryFiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole {@code ingest} of a corpus folder into an empty index, as the command runs it (parse, register, resolve,
 * extract, classify, index, final commit), repeated in one JVM: the steady-state throughput that a large corpus
 * sees once the JIT has compiled the hot code, where a single cold run of the 312 bundled articles is mostly
 * warm-up. Time per ingest of the whole folder; articles/s = articles in the folder / that time.
 * Run: {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main IngestBenchmark}
 * after {@code mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt}; the corpus folder is
 * {@code -Dcitelens.corpus} (default {@code corpus/europepmc-crops}), the worker threads the {@code threads} parameter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 6)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsAppend = "--sun-misc-unsafe-memory-access=allow")
public class IngestBenchmark {
    @Param("2")
    public int threads;

    private final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    private CitationClassifier classifier;
    private Path corpus;
    private Path index;

    @Setup(Level.Trial)
    public void loadModel() {
        corpus = RepositoryFiles.corpus();
        if (!Files.isDirectory(corpus))
            throw new IllegalStateException("no corpus folder at " + corpus.toAbsolutePath());
        classifier = Classifiers.shipped();
    }

    @Setup(Level.Iteration)
    public void emptyIndex() throws IOException {
        index = Files.createTempDirectory("citelens-ingest-bench");
    }

    @TearDown(Level.Iteration)
    public void deleteIndex() throws IOException {
        try (Stream<Path> paths = Files.walk(index)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Benchmark
    public IngestReport ingestCorpus() throws IOException, InterruptedException {
        IngestOptions options =
                new IngestOptions(corpus, index, threads, IngestOptions.DEFAULT_COMMIT_EVERY, DocumentLimits.DEFAULTS);
        IngestReport report = new CorpusIngest(options, classifier, quiet, false).run();
        if (report.articles() == 0) throw new IllegalStateException("nothing ingested from " + corpus);
        return report;
    }
}
