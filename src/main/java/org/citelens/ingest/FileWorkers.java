package org.citelens.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs one pass's work over files on a pool of workers. The queue is bounded and a full queue makes the submitting
 * thread work too, so at most a few files per worker are in memory at once. A file's runtime failure is recorded
 * as skipped; an {@link IOException} is the index itself failing (disk full...) and stops the pass.
 */
final class FileWorkers {
    /** One file's work in a pass. */
    interface FileTask {
        void run(Path file) throws IOException;
    }

    private final int threads;
    private final SkippedFiles skipped;

    FileWorkers(int threads, SkippedFiles skipped) {
        this.threads = threads;
        this.skipped = skipped;
    }

    void forEach(List<Path> files, IngestProgress progress, FileTask task) throws IOException, InterruptedException {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * 4),
                new ThreadPoolExecutor.CallerRunsPolicy());
        ConcurrentLinkedQueue<IOException> indexFailures = new ConcurrentLinkedQueue<>();
        try {
            for (Path file : files) {
                if (!indexFailures.isEmpty()) break;
                pool.execute(() -> {
                    try {
                        task.run(file);
                    } catch (IOException e) {
                        indexFailures.add(e);
                    } catch (RuntimeException | StackOverflowError e) {
                        skipped.add(file, "extract", "failed: " + e, "extract-error");
                    } finally {
                        progress.done.incrementAndGet();
                    }
                });
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
        }
        if (!indexFailures.isEmpty()) throw indexFailures.peek();
    }
}
