package org.citelens.harvest;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.citelens.index.DaemonScheduler;

/**
 * The fetch pass's progress on stderr: works done of total, rate, read and not read so far, ETA. Rewrites itself
 * on a terminal; a new line every five seconds in a log.
 */
final class HarvestProgress implements AutoCloseable {
    private final PrintStream out;
    private final long total;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    final AtomicLong done = new AtomicLong();
    final AtomicLong read = new AtomicLong();
    final AtomicLong resumed = new AtomicLong();
    private final ScheduledExecutorService ticker = DaemonScheduler.named("citelens-harvest-progress");

    HarvestProgress(PrintStream out, long total, boolean terminal) {
        this.out = out;
        this.total = total;
        this.terminal = terminal;
        long every = terminal ? 500 : 5000;
        ticker.scheduleAtFixedRate(this::print, every, every, TimeUnit.MILLISECONDS);
    }

    String line() {
        long d = done.get();
        double secs = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        double rate = d / secs;
        String eta = d == 0 || d >= total ? "--" : Math.round((total - d) / rate) + "s";
        return String.format(
                Locale.ROOT,
                "harvest fetch: %d/%d works (%d%%), %.2f works/s, %d read, %d not read, %d from an earlier run, ETA %s",
                d,
                total,
                total == 0 ? 100 : d * 100 / total,
                rate,
                read.get(),
                d - read.get(),
                resumed.get(),
                eta);
    }

    private synchronized void print() {
        out.print(terminal ? "\r" + line() + "   " : line() + "\n");
        out.flush();
    }

    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        out.println((terminal ? "\r" : "") + line());
        out.flush();
    }
}
