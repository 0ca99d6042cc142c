package org.citelens.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tally routes' answers as sent: JSON bytes and ETag per DOI, so the hot extension route neither asks the
 * store nor re-serialises. Its one invalidation rule: an answer serves the index version it was computed on
 * ({@link org.citelens.index.StatementStore#version()}) and at most for the TTL ({@code serve --tally-cache-ms};
 * 0 turns it off), which bounds staleness for a store that cannot tell its version. Unknown DOIs are cached too (as
 * a null body), so a flood of misses is as cheap as hits. Bounded: cleared when it passes {@code maxEntries}. The
 * store below keeps its own aggregates per reader ({@code ReaderAggregateCache}); this one only saves the JSON.
 */
final class TallyAnswerCache {
    /** One answer: its JSON bytes (null when the DOI is unknown) and their ETag. */
    record Entry(byte[] body, String etag, long version, long expiresAtNanos) {}

    /** Computes the JSON for a DOI, or null when nothing cites it. */
    @FunctionalInterface
    interface Loader {
        byte[] load(String doi) throws java.io.IOException;
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;

    TallyAnswerCache(java.time.Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    Entry get(String key, long version, Loader loader) throws java.io.IOException {
        Entry e = peek(key, version);
        return e != null ? e : put(key, version, loader.load(key.substring(key.indexOf(':') + 1)));
    }

    /** The cached answer for this index version, or null when there is none or it expired. */
    Entry peek(String key, long version) {
        Entry e = entries.get(key);
        return e != null && e.version() == version && System.nanoTime() - e.expiresAtNanos() < 0 ? e : null;
    }

    /** Caches {@code body} (null: the DOI is unknown) and returns its entry. */
    Entry put(String key, long version, byte[] body) {
        Entry fresh = new Entry(body, body == null ? null : etag(body), version, System.nanoTime() + ttlNanos);
        if (ttlNanos > 0) {
            if (entries.size() >= maxEntries) entries.clear();
            entries.put(key, fresh);
        }
        return fresh;
    }

    /** A strong validator from the bytes themselves: equal answers share it across restarts and re-ingests. */
    static String etag(byte[] body) {
        long h = 0xcbf29ce484222325L;
        for (byte b : body) {
            h ^= b;
            h *= 0x100000001b3L;
        }
        return "\"" + Long.toHexString(h) + "\"";
    }
}
