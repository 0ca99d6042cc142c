package org.citelens.parse;

/**
 * Hard limits on one document, checked before and while it is parsed so that no single file from the open web can
 * take the memory, stack or time of a whole ingest. The defaults are far above any real article (the bundled
 * corpus peaks at 390 KB, about 9,000 elements and a nesting depth under 40) and far below what would hurt.
 *
 * @param maxBytes larger files are refused unread
 * @param maxElements start tags counted before parsing; more means generated or hostile markup
 * @param maxDepth element nesting checked before parsing XML (the HTML parser caps its own tree depth)
 * @param maxMillis wall-clock time to parse one document and to extract its statements
 */
public record DocumentLimits(long maxBytes, int maxElements, int maxDepth, long maxMillis)
        implements java.io.Serializable {
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    public static final int DEFAULT_MAX_ELEMENTS = 500_000;
    public static final int DEFAULT_MAX_DEPTH = 512;
    /** Generous because the machine may be busy: a real article parses in milliseconds. */
    public static final long DEFAULT_MAX_MILLIS = 30_000;

    public static final DocumentLimits DEFAULTS =
            new DocumentLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_ELEMENTS, DEFAULT_MAX_DEPTH, DEFAULT_MAX_MILLIS);

    public DocumentLimits {
        if (maxBytes < 1) throw new IllegalArgumentException("maxBytes must be positive, not " + maxBytes);
        if (maxElements < 1) throw new IllegalArgumentException("maxElements must be positive, not " + maxElements);
        if (maxDepth < 1) throw new IllegalArgumentException("maxDepth must be positive, not " + maxDepth);
        if (maxMillis < 1) throw new IllegalArgumentException("maxMillis must be positive, not " + maxMillis);
    }

    public DocumentLimits withMaxBytes(long bytes) {
        return new DocumentLimits(bytes, maxElements, maxDepth, maxMillis);
    }

    public DocumentLimits withMaxMillis(long millis) {
        return new DocumentLimits(maxBytes, maxElements, maxDepth, millis);
    }
}
