package org.citelens.index;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;

/**
 * Per-DOI aggregates (tallies, section tallies, years) of one point-in-time reader. Browser extensions ask for
 * the same popular DOIs over and over; between commits the answer cannot change, so it is computed once per
 * reader. Its one invalidation rule: entries belong to the reader they were computed on and vanish with it, so a
 * refresh never serves a stale tally.
 */
final class ReaderAggregateCache {
    /** Beyond this many DOIs the cache starts over rather than grow without bound. */
    private static final int MAX_ENTRIES = 50_000;

    private record Generation(IndexReader reader, Map<String, Optional<CitationAggregate>> byDoi) {}

    private final AtomicReference<Generation> current = new AtomicReference<>(new Generation(null, Map.of()));

    Optional<CitationAggregate> get(IndexSearcher searcher, String doi) throws IOException {
        Map<String, Optional<CitationAggregate>> map = mapFor(searcher.getIndexReader());
        Optional<CitationAggregate> hit = map.get(doi);
        if (hit != null) return hit;
        Optional<CitationAggregate> computed = Optional.ofNullable(CitationTallier.one(searcher, doi));
        put(map, doi, computed);
        return computed;
    }

    /** Aggregates of the DOIs some statement cites; computes the missing ones in one pass. */
    Map<String, CitationAggregate> getAll(IndexSearcher searcher, Collection<String> dois) throws IOException {
        Map<String, Optional<CitationAggregate>> map = mapFor(searcher.getIndexReader());
        Map<String, CitationAggregate> out = new HashMap<>();
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (String doi : dois) {
            Optional<CitationAggregate> hit = map.get(doi);
            if (hit == null) missing.add(doi);
            else hit.ifPresent(a -> out.put(doi, a));
        }
        if (!missing.isEmpty()) {
            Map<String, CitationAggregate> computed = CitationTallier.many(searcher, missing);
            for (String doi : missing) {
                CitationAggregate a = computed.get(doi);
                put(map, doi, Optional.ofNullable(a));
                if (a != null) out.put(doi, a);
            }
        }
        return out;
    }

    private Map<String, Optional<CitationAggregate>> mapFor(IndexReader reader) {
        Generation g = current.get();
        if (g.reader() == reader) return g.byDoi();
        Generation fresh = new Generation(reader, new ConcurrentHashMap<>());
        // another thread may have installed this reader's generation first: use whichever won
        return current.compareAndSet(g, fresh)
                ? fresh.byDoi()
                : current.get().reader() == reader ? current.get().byDoi() : new ConcurrentHashMap<>();
    }

    private static void put(Map<String, Optional<CitationAggregate>> map, String doi, Optional<CitationAggregate> a) {
        if (map.size() >= MAX_ENTRIES) map.clear();
        map.put(doi, a);
    }
}
