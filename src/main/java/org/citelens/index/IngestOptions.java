package org.citelens.index;

import java.nio.file.Path;

/**
 * Settings of one ingest.
 *
 * @param threads worker threads for parsing, extraction and indexing
 * @param maxFileBytes larger files are skipped unread: no article is that big, a runaway download may be
 * @param commitEvery articles between intermediate commits, so a crash loses at most that much work
 */
public record IngestOptions(Path corpus, Path index, int threads, long maxFileBytes, int commitEvery) {
    public static final long DEFAULT_MAX_FILE_BYTES = 64L * 1024 * 1024;
    public static final int DEFAULT_COMMIT_EVERY = 5_000;

    public IngestOptions {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        if (maxFileBytes < 1) throw new IllegalArgumentException("maxFileBytes must be positive");
        if (commitEvery < 1) throw new IllegalArgumentException("commitEvery must be at least 1");
    }

    public static IngestOptions defaults(Path corpus, Path index) {
        return new IngestOptions(corpus, index, Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_FILE_BYTES,
                DEFAULT_COMMIT_EVERY);
    }
}
