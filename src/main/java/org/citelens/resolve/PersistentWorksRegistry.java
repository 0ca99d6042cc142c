package org.citelens.resolve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.citelens.model.Article;
import org.citelens.model.ArticleMetadata;
import org.citelens.model.CitedWork;
import org.citelens.model.Doi;
import org.citelens.model.Reference;
import org.citelens.resolve.WorksRegistries.ClosableWorksRegistry;

/**
 * The works registry kept in its own Lucene index (normally {@code <index>/works}), so a later ingest still
 * resolves against works registered before, and a key-only work is merged into its DOI once a reference gives
 * it. Thread-safe: registering takes a write lock, resolving and searching a read lock; resolutions are cached
 * until the next registration.
 */
public final class PersistentWorksRegistry implements ClosableWorksRegistry, WorksCatalog {
    private final WorkStore store = new WorkStore();
    private final CandidateIndex index;
    private final WorkMatcher matcher;
    private final WorkSearch search;
    private final boolean writable;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, WorkMatcher.Resolution> cache = new ConcurrentHashMap<>();
    /** Candidate searches done ahead by {@link #prepare}, by spelling; dropped, like the cache, by a registration. */
    private final Map<String, WorkMatcher.Candidate> ahead = new ConcurrentHashMap<>();

    private PersistentWorksRegistry(Directory dir, boolean writable, double threshold) throws IOException {
        this.index = writable ? CandidateIndex.writable(dir, store) : CandidateIndex.readOnly(dir, store);
        this.writable = writable;
        index.load();
        this.matcher = new WorkMatcher(store, index, threshold);
        this.search = new WorkSearch(store, index);
    }

    /** Opens (or creates) the registry in {@code dir} for ingest; close it to persist what was registered. */
    public static PersistentWorksRegistry open(Path dir) throws IOException {
        return new PersistentWorksRegistry(FSDirectory.open(dir), true, WorkMatcher.DEFAULT_THRESHOLD);
    }

    /** Opens the registry in {@code dir} for lookups only (the server), beside a writer that may be running. */
    public static PersistentWorksRegistry openReadOnly(Path dir) throws IOException {
        return new PersistentWorksRegistry(FSDirectory.open(dir), false, WorkMatcher.DEFAULT_THRESHOLD);
    }

    /** A registry that lives in memory only: tests and evaluations. */
    public static PersistentWorksRegistry inMemory() throws IOException {
        return inMemory(WorkMatcher.DEFAULT_THRESHOLD);
    }

    static PersistentWorksRegistry inMemory(double threshold) throws IOException {
        return new PersistentWorksRegistry(new ByteBuffersDirectory(), true, threshold);
    }

    @Override
    public void register(Article article) {
        if (!writable) throw new IllegalStateException("works registry was opened read-only");
        // normalising the spellings is the costly part and needs no lock, so parallel registrations overlap
        List<WorkVariant> variants = new ArrayList<>(article.references().size() + 1);
        variants.add(WorkVariant.of(article.metadata()));
        for (Reference ref : article.references()) variants.add(WorkVariant.of(ref));
        List<String> ids = new ArrayList<>(variants.size());
        for (WorkVariant v : variants) ids.add(v.doi() != null ? "doi:" + v.doi() : WorkKey.of(v));
        lock.writeLock().lock();
        try {
            if (!index.markRegistered(article.metadata().articleId())) return;
            cache.clear();
            ahead.clear();
            for (int i = 0; i < variants.size(); i++) {
                if (ids.get(i) == null) continue;
                WorkStore.Entry fresh = store.add(ids.get(i), variants.get(i), 1);
                if (fresh != null) index.add(fresh);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("works index unwritable", e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public CitedWork resolve(ArticleMetadata citing, Reference reference) {
        String doi = ReferenceIdentifiers.doi(reference);
        if (doi != null) {
            // most references carry a DOI: no normalisation, no candidate search, just the merged record
            Optional<WorkRecord> known = work("doi:" + doi);
            if (known.isPresent()) return cited(known.get());
        }
        WorkVariant v = WorkVariant.of(reference);
        WorkMatcher.Resolution r = resolveVariant(v);
        String workId = r.workId() != null
                ? r.workId()
                : "ref:" + citing.articleId() + "#" + reference.id(); // nothing to build a key from: its own work
        lock.readLock().lock();
        try {
            Optional<WorkRecord> rec = store.record(workId);
            if (rec.isPresent()) return cited(rec.get());
        } finally {
            lock.readLock().unlock();
        }
        return new CitedWork(workId, v.doi(), v.title(), v.year(), v.surname(), v.journal());
    }

    private static CitedWork cited(WorkRecord w) {
        return new CitedWork(w.workId(), w.doi(), w.title(), w.year(), w.firstAuthor(), w.journal());
    }

    WorkMatcher.Resolution resolveVariant(WorkVariant v) {
        String cacheKey = v.doi() + "\u001e" + v.signature();
        WorkMatcher.Resolution cached = cache.get(cacheKey);
        if (cached != null) return cached;
        lock.readLock().lock();
        try {
            WorkMatcher.Resolution r = matcher.resolve(v, null, ahead.get(v.signature()));
            if (v.doi() == null && r.workId() != null && r.workId().startsWith("doi:")) {
                String key = WorkKey.of(v);
                if (key != null) store.alias(key, r.workId()); // the key's other spellings and later ingests follow
            }
            cache.put(cacheKey, r);
            return r;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Searches the candidates of a reference without a DOI ahead of its resolution. Thread-safe and independent of
     * the order of calls, so ingest runs it in parallel before resolving in a fixed order on one thread.
     */
    @Override
    public void prepare(Reference reference) {
        if (ReferenceIdentifiers.doi(reference) != null) return; // resolved by its DOI, no search
        WorkVariant v = WorkVariant.of(reference);
        if (ahead.containsKey(v.signature())) return;
        lock.readLock().lock();
        try {
            ahead.put(v.signature(), matcher.candidate(v, null));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The work a reference names and how sure the match is, for a reference from outside the index (a manuscript's
     * reference list): unlike {@link #resolve} it neither caches nor aliases anything, and it says when nothing
     * matched instead of inventing a key.
     */
    public ReferenceMatch match(Reference reference) {
        String doi = ReferenceIdentifiers.doi(reference);
        if (doi != null) {
            Optional<WorkRecord> known = work("doi:" + doi);
            return new ReferenceMatch(known.orElse(null), doi, known.isPresent() ? 1 : 0, known.isPresent() ? "doi" : "none");
        }
        WorkVariant v = WorkVariant.of(reference);
        lock.readLock().lock();
        try {
            WorkMatcher.Resolution r = matcher.resolve(v, null);
            Optional<WorkRecord> rec = r.workId() == null ? Optional.empty() : store.record(r.workId());
            return switch (r.route()) {
                case DOI, PMID -> new ReferenceMatch(rec.orElse(null), r.bestDoi(), rec.isPresent() ? 1 : 0, "pmid");
                case KEY_DOI -> new ReferenceMatch(rec.orElse(null), r.bestDoi(), rec.isPresent() ? 1 : 0, "key");
                case FUZZY -> new ReferenceMatch(rec.orElse(null), r.bestDoi(), r.bestScore(), "fuzzy");
                // a key only counts when another reference registered the same key: an exact author-year-title match
                case KEY -> rec.isPresent() && rec.get().references() > 0
                        ? new ReferenceMatch(rec.get(), rec.get().doi(), 1, "key")
                        : new ReferenceMatch(null, null, r.bestScore(), "none");
                case NONE -> new ReferenceMatch(null, null, r.bestScore(), "none");
            };
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Resolves a spelling as if {@code hidden} had never been registered (leave-one-out evaluation). */
    WorkMatcher.Resolution resolveHiding(WorkVariant v, WorkMatcher.Exclusion hidden) {
        lock.readLock().lock();
        try {
            return matcher.resolve(v, hidden);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The id a work is known by now: a key merged into a DOI answers with {@code doi:...}. */
    public String canonicalId(String workId) {
        return store.canonical(workId);
    }

    /** Keys merged into DOI ids ({@code key:... -> doi:...}), e.g. to re-point statements indexed earlier. */
    public Map<String, String> mergedKeys() {
        return Map.copyOf(store.aliases());
    }

    @Override
    public Map<String, CitedWork> mergedWorks() {
        Map<String, CitedWork> merged = new java.util.LinkedHashMap<>();
        lock.readLock().lock();
        try {
            for (var alias : store.aliases().entrySet()) {
                store.record(alias.getValue()).ifPresent(w -> merged.put(alias.getKey(), cited(w)));
            }
            // a key that a later reference gave its DOI to (the same exact-key rule resolve uses, without a search)
            for (String id : store.registeredIds()) {
                if (!id.startsWith(WorkKey.PREFIX) || merged.containsKey(id)) continue;
                String doi = WorkMatcher.uniqueDoi(store.doisOfKey(id), null);
                if (doi != null) store.record("doi:" + doi).ifPresent(w -> merged.put(id, cited(w)));
            }
        } finally {
            lock.readLock().unlock();
        }
        return merged;
    }

    @Override
    public Optional<WorkRecord> work(String workId) {
        if (workId == null || workId.isBlank()) return Optional.empty();
        String id = workId.startsWith("doi:") || WorkKey.isKey(workId)
                ? workId
                : Doi.normalize(workId).map(d -> "doi:" + d).orElse(workId);
        lock.readLock().lock();
        try {
            return store.record(id);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<WorkRecord> search(String query, int limit) {
        lock.readLock().lock();
        try {
            return search.search(query, limit);
        } catch (IOException e) {
            throw new UncheckedIOException("works index unreadable", e);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every canonical work id, sorted. */
    public List<String> workIds() {
        lock.readLock().lock();
        try {
            return List.copyOf(store.workIds());
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void close() throws IOException {
        lock.writeLock().lock();
        try {
            if (writable) index.commit();
        } finally {
            try {
                index.close();
            } finally {
                lock.writeLock().unlock();
            }
        }
    }
}
