package org.citelens.classify.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.citelens.classify.CitationClassifier;
import org.citelens.classify.ClassifierInput;

/**
 * Statements per CPU-second of one thread, read from the thread's CPU clock rather than the wall clock: on a
 * machine shared with other builds the wall-clock JMH figure measures the neighbours as much as the classifier.
 * Same inputs as {@link ClassifierBenchmark}; 25 rounds of the whole set, the first 15 are warm-up (the JIT is slow
 * to finish on a loaded machine), then the median of the last 10.
 * Run as documented in docs/benchmarks.md ("## Classifier").
 */
public final class ClassifierCpuBench {
    private static final int WARMUP = 15;
    private static final int MEASURED = 10;

    private ClassifierCpuBench() {}

    public static void main(String[] args) {
        ClassifierBenchmark inputs = new ClassifierBenchmark();
        inputs.setUp();
        CitationClassifier classifier = inputs.classifier();
        ClassifierInput[] all = inputs.inputs();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int sink = 0;
        double[] measured = new double[MEASURED];
        for (int round = 0; round < WARMUP + MEASURED; round++) {
            long start = cpu.getCurrentThreadCpuTime();
            for (ClassifierInput in : all)
                sink += classifier.classify(in).label().ordinal();
            double rate = all.length / ((cpu.getCurrentThreadCpuTime() - start) / 1e9);
            System.out.printf(
                    Locale.ROOT,
                    "round %d%s: %d statements, %.0f statements per CPU-second%n",
                    round + 1,
                    round < WARMUP ? " (warm-up)" : "",
                    all.length,
                    rate);
            if (round >= WARMUP) measured[round - WARMUP] = rate;
        }
        java.util.Arrays.sort(measured);
        System.out.printf(
                Locale.ROOT,
                "median of %d rounds: %.0f statements per CPU-second (sink %d)%n",
                MEASURED,
                (measured[MEASURED / 2 - 1] + measured[MEASURED / 2]) / 2,
                sink);
    }
}
