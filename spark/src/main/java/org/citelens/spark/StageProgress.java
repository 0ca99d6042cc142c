package org.citelens.spark;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.spark.util.LongAccumulator;
import org.citelens.ingest.IngestProgress;

/**
 * The single-machine ingest's progress line (count, rate, statements, skipped, ETA) for a Spark stage, fed from the
 * stage's accumulators, which reach the driver as each task ends.
 */
final class StageProgress implements AutoCloseable {
    private final IngestProgress line;
    private final ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "citelens-spark-progress");
        t.setDaemon(true);
        return t;
    });
    private final LongAccumulator done;
    private final LongAccumulator statements;

    StageProgress(
            PrintStream out,
            String pass,
            long total,
            boolean terminal,
            LongAccumulator done,
            LongAccumulator statements,
            LongSupplier skipped) {
        this.line = new IngestProgress(out, "spark-ingest", pass, "files", total, terminal, skipped);
        this.done = done;
        this.statements = statements;
        feeder.scheduleAtFixedRate(this::feed, 200, 200, TimeUnit.MILLISECONDS);
    }

    private void feed() {
        line.done.set(done.value());
        if (statements != null) line.statements.set(statements.value());
    }

    @Override
    public void close() {
        feeder.shutdownNow();
        feed();
        line.close();
    }
}
