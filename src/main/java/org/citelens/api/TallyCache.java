package org.citelens.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serialised tally answers per DOI, reused while the index version is unchanged (and at most for the TTL, in case
 * a store cannot tell its version), so that the hot extension route does not ask the index and re-serialise on
 * every request. Unknown DOIs are cached too (as a null body), so a flood of misses
 * is as cheap as hits. Bounded: cleared when it passes {@code maxEntries}.
 */
final class TallyCache {
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

    TallyCache(java.time.Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    Entry get(String key, long version, Loader loader) throws java.io.IOException {
        long now = System.nanoTime();
        Entry e = entries.get(key);
        if (e != null && e.version() == version && now - e.expiresAtNanos() < 0) return e;
        byte[] body = loader.load(key.substring(key.indexOf(':') + 1));
        Entry fresh = new Entry(body, body == null ? null : etag(body), version, now + ttlNanos);
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
