package org.citelens.classify.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.citelens.classify.ClassifierInput;
import org.citelens.classify.Classifiers;
import org.citelens.classify.LabelledData;
import org.citelens.classify.LabelledStatement;
import org.citelens.classify.LayeredClassifier;
import org.citelens.classify.Prediction;
import org.citelens.classify.TransformerClassifier;
import org.citelens.testdata.RepositoryFiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Statements per second of the shipped transformer alone, on one thread (one onnxruntime intra-op thread), end to
 * end: marker masking, WordPiece tokenising, batching and the int8 encoder, over the annotated statements of the
 * bundled corpus with their real neighbouring sentences. A call labels one article-sized block of 64 statements,
 * as ingest and relabel do. {@code -p model=DIR} measures a transformer folder (model.onnx, settings.json) instead
 * of the shipped one, so two models compare in one sitting. Run as documented in docs/benchmarks.md ("## Transformer
 * labeller").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public class TransformerBenchmark {
    private static final int BLOCK = 64;

    /** A transformer folder to measure; empty for the shipped model. */
    @Param({""})
    public String model;

    private TransformerClassifier transformer;
    private List<List<ClassifierInput>> blocks;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        if (model.isEmpty()) {
            transformer = Classifiers.shippedTransformer(1);
        } else {
            transformer = ((LayeredClassifier) Classifiers.load(Path.of(model), 1)).transformer();
        }
        List<LabelledStatement> rows =
                LabelledData.read(RepositoryFiles.dataRoot().resolve("annotations/citelens.tsv"));
        blocks = new ArrayList<>();
        for (int from = 0; from + BLOCK <= rows.size(); from += BLOCK) {
            blocks.add(rows.subList(from, from + BLOCK).stream()
                    .map(LabelledStatement::input)
                    .toList());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        transformer.close();
    }

    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public List<Prediction> labelBlock() {
        List<ClassifierInput> block = blocks.get(next);
        next = next + 1 == blocks.size() ? 0 : next + 1;
        return transformer.classifyAll(block);
    }
}
