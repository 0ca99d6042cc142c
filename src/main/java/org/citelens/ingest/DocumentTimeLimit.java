package org.citelens.ingest;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one document's work (parse, extract) on a bounded pool of its own and gives up on it after the time limit:
 * the caller gets a {@link TimeoutException} at once and the worker is interrupted. jsoup stops reading its input
 * when its thread is interrupted, so a runaway parse ends soon after; the pool has twice the ingest's threads so a
 * few runaways still finishing cannot stall the documents behind them.
 */
final class DocumentTimeLimit implements AutoCloseable {
    private final ThreadPoolExecutor pool;

    DocumentTimeLimit(int threads) {
        AtomicInteger n = new AtomicInteger();
        int size = threads * 2 + 2;
        pool = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "citelens-document-" + n.incrementAndGet());
            t.setDaemon(true); // a runaway never keeps the JVM alive after ingest is done
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * @throws TimeoutException when the work took longer than {@code millis}
     * @throws ExecutionException with the work's own exception or error as the cause
     */
    <T> T call(Callable<T> work, long millis) throws TimeoutException, ExecutionException, InterruptedException {
        Future<T> f = pool.submit(work);
        try {
            return f.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | InterruptedException e) {
            f.cancel(true);
            throw e;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
