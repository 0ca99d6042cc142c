package org.citelens.classify.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.citelens.classify.CitationClassifier;
import org.citelens.classify.ClassifierInput;
import org.citelens.classify.Classifiers;
import org.citelens.classify.LabelledData;
import org.citelens.classify.LabelledStatement;
import org.citelens.classify.Prediction;
import org.citelens.testdata.RepositoryFiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Statements per second of the shipped classifier on one thread, over real clinical statements with surrounding
 * context made from neighbouring rows (ingest always passes before and after). Run as documented in
 * docs/benchmarks.md ("## Classifier").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ClassifierBenchmark {
    private CitationClassifier classifier;
    private ClassifierInput[] inputs;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        classifier = Classifiers.shipped();
        Path data = RepositoryFiles.dataset("clinical.tsv");
        List<LabelledStatement> rows = LabelledData.read(data);
        inputs = new ClassifierInput[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            ClassifierInput in = rows.get(i).input();
            String before = i > 0 ? rows.get(i - 1).input().sentence() : "";
            String after = i + 1 < rows.size() ? rows.get(i + 1).input().sentence() : "";
            inputs[i] = new ClassifierInput(before, in.sentence(), after, in.targetMarker(), List.of());
        }
    }

    CitationClassifier classifier() {
        return classifier;
    }

    ClassifierInput[] inputs() {
        return inputs.clone();
    }

    /** One statement per call, cycling through the set: the figure is statements per second. */
    @Benchmark
    public Prediction classifyOne() {
        ClassifierInput in = inputs[next];
        next = next + 1 == inputs.length ? 0 : next + 1;
        return classifier.classify(in);
    }
}
