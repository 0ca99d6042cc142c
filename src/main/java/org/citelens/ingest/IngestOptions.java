package org.citelens.ingest;

import java.nio.file.Path;
import org.citelens.parse.DocumentLimits;

/**
 * Settings of one ingest.
 *
 * @param threads worker threads for parsing, extraction and indexing
 * @param commitEvery articles between intermediate commits, so a crash loses at most that much work
 * @param limits per-document limits (bytes, elements, depth, time); larger files are skipped unread
 */
public record IngestOptions(Path corpus, Path index, int threads, int commitEvery, DocumentLimits limits) {
    public static final long DEFAULT_MAX_FILE_BYTES = DocumentLimits.DEFAULT_MAX_BYTES;
    public static final int DEFAULT_COMMIT_EVERY = 5_000;

    public IngestOptions {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        if (commitEvery < 1) throw new IllegalArgumentException("commitEvery must be at least 1");
        if (limits == null) throw new IllegalArgumentException("limits must be given");
    }

    /** The settings as they were before per-document limits: the default limits with this byte limit. */
    public IngestOptions(Path corpus, Path index, int threads, long maxFileBytes, int commitEvery) {
        this(corpus, index, threads, commitEvery, DocumentLimits.DEFAULTS.withMaxBytes(maxFileBytes));
    }

    public long maxFileBytes() {
        return limits.maxBytes();
    }

    public static IngestOptions defaults(Path corpus, Path index) {
        return new IngestOptions(
                corpus,
                index,
                Runtime.getRuntime().availableProcessors(),
                DEFAULT_COMMIT_EVERY,
                DocumentLimits.DEFAULTS);
    }
}
