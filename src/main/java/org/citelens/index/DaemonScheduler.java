package org.citelens.index;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** A single-thread scheduler on a named daemon thread: background ticks must never keep the JVM alive. */
public final class DaemonScheduler {
    private DaemonScheduler() {}

    public static ScheduledExecutorService named(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
