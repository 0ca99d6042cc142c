package org.citelens.ingest;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.citelens.index.DaemonScheduler;

/**
 * Progress of one ingest pass on stderr: files done of total, rate, statements, skipped files and ETA. On a
 * terminal the line rewrites itself; in a log (no terminal) a new line comes every two seconds, so piping the
 * output to a file gives a readable history rather than a wall of carriage returns.
 */
public final class IngestProgress implements AutoCloseable {
    private final PrintStream out;
    private final String command;
    private final String unit;
    private final String pass;
    private final long total;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    public final AtomicLong done = new AtomicLong();
    public final AtomicLong statements = new AtomicLong();
    private final LongSupplier skipped;
    private final String countedName;
    private final String skippedName;
    private final ScheduledExecutorService ticker;

    IngestProgress(PrintStream out, String pass, long total, boolean terminal, LongSupplier skipped) {
        this(out, "ingest", pass, "files", total, terminal, skipped);
    }

    /** Progress of another long command over the same kind of work ("relabel", "articles"). */
    public IngestProgress(
            PrintStream out,
            String command,
            String pass,
            String unit,
            long total,
            boolean terminal,
            LongSupplier skipped) {
        this(out, command, pass, unit, total, terminal, skipped, "statements", "skipped");
    }

    /**
     * Progress that counts something other than statements beside the units done ({@code statements} counts them),
     * e.g. "notices" and "bad rows" of an import.
     */
    public IngestProgress(
            PrintStream out,
            String command,
            String pass,
            String unit,
            long total,
            boolean terminal,
            LongSupplier skipped,
            String countedName,
            String skippedName) {
        this.countedName = countedName;
        this.skippedName = skippedName;
        this.command = command;
        this.unit = unit;
        this.skipped = skipped;
        this.out = out;
        this.pass = pass;
        this.total = total;
        this.terminal = terminal;
        this.ticker = DaemonScheduler.named("citelens-ingest-progress");
        long every = terminal ? 500 : 2000;
        ticker.scheduleAtFixedRate(this::print, every, every, TimeUnit.MILLISECONDS);
    }

    String line() {
        long d = done.get();
        double secs = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        double rate = d / secs;
        String eta = d == 0 || d >= total ? "--" : formatSeconds((total - d) / rate);
        return String.format(
                Locale.ROOT,
                "%s %s: %d/%d %s (%d%%), %.1f %s/s, %d %s, %d %s, ETA %s",
                command,
                pass,
                d,
                total,
                unit,
                total == 0 ? 100 : d * 100 / total,
                rate,
                unit,
                statements.get(),
                countedName,
                skipped.getAsLong(),
                skippedName,
                eta);
    }

    private synchronized void print() {
        if (terminal) out.print("\r" + line() + "   ");
        else out.println(line());
        out.flush();
    }

    private static String formatSeconds(double s) {
        long secs = Math.round(s);
        return secs < 60 ? secs + "s" : (secs / 60) + "m" + String.format(Locale.ROOT, "%02d", secs % 60) + "s";
    }

    /** Stops the ticker and prints the pass's final line. */
    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        out.println((terminal ? "\r" : "") + line());
        out.flush();
    }
}
