package org.citelens.resolve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Decides which work a spelling names: its DOI when it has one; else the DOI that references with a DOI give for
 * the same key; else the best-scoring known work with a DOI when the score clears the threshold; else its key.
 * Callers hold the registry's read lock.
 */
final class WorkMatcher {
    /** Chosen from the leave-one-out precision/recall curve (docs/quality.md) for precision of at least 0.99. */
    static final double DEFAULT_THRESHOLD = 0.70;

    private static final int CANDIDATES = 10;

    /** How a reference was resolved; kept for the evaluation's error categories. */
    enum Route {
        DOI,
        PMID,
        KEY_DOI,
        FUZZY,
        KEY,
        NONE
    }

    /**
     * The outcome: the work id, the route, and for fuzzy lookups the best candidate's DOI and score even when below
     * the threshold (so one evaluation run yields the whole precision/recall curve).
     */
    record Resolution(String workId, Route route, String bestDoi, double bestScore) {}

    /**
     * One spelling to pretend was never registered: the leave-one-out evaluation hides the reference being
     * resolved, so it cannot find itself.
     */
    record Exclusion(String workId, String signature, String key, String doi) {}

    private final WorkStore store;
    private final CandidateIndex index;
    private final MatchScorer scorer = new MatchScorer();
    private final double threshold;

    WorkMatcher(WorkStore store, CandidateIndex index, double threshold) {
        this.store = store;
        this.index = index;
        this.threshold = threshold;
    }

    /** The best-scoring known spelling with a DOI for a spelling, or a null entry when the search found none. */
    record Candidate(WorkStore.Entry entry, double score) {}

    Resolution resolve(WorkVariant v, Exclusion hidden) {
        return resolve(v, hidden, null);
    }

    /** @param ahead the candidate found ahead by {@link #candidate}, or null to search now */
    Resolution resolve(WorkVariant v, Exclusion hidden, Candidate ahead) {
        if (v.doi() != null) return new Resolution("doi:" + v.doi(), Route.DOI, v.doi(), 1);
        for (String id : WorkStore.identifiers(v)) {
            String idDoi = uniqueDoi(store.doisOfIdentifier(id), null);
            if (idDoi != null) return new Resolution("doi:" + idDoi, Route.PMID, idDoi, 1);
        }
        String key = WorkKey.of(v);
        if (key != null) {
            String target = hidden == null ? store.aliases().get(key) : null;
            if (target != null) return new Resolution(target, Route.KEY_DOI, target.substring(4), 1);
            String keyDoi = uniqueDoi(store.doisOfKey(key), hidden != null && key.equals(hidden.key()) ? hidden : null);
            if (keyDoi != null) return new Resolution("doi:" + keyDoi, Route.KEY_DOI, keyDoi, 1);
        }
        Resolution fuzzy = bestCandidate(ahead != null ? ahead : candidate(v, hidden));
        if (fuzzy != null && fuzzy.bestScore() >= threshold) return fuzzy;
        String fallback = key != null ? key : null;
        return new Resolution(
                fallback,
                fallback == null ? Route.NONE : Route.KEY,
                fuzzy == null ? null : fuzzy.bestDoi(),
                fuzzy == null ? 0 : fuzzy.bestScore());
    }

    /** The single DOI a key stands for, or null when none or several (then the scorer must decide). */
    static String uniqueDoi(Map<String, Integer> dois, Exclusion hidden) {
        String found = null;
        for (Map.Entry<String, Integer> e : dois.entrySet()) {
            int count = e.getValue() - (hidden != null && e.getKey().equals(hidden.doi()) ? 1 : 0);
            if (count <= 0) continue;
            if (found != null) return null;
            found = e.getKey();
        }
        return found;
    }

    /**
     * Searches and scores the candidates of a spelling. Depends only on what is registered, not on which references
     * were resolved before (unlike the key-to-DOI shortcuts above), so it may run ahead, in parallel.
     */
    Candidate candidate(WorkVariant v, Exclusion hidden) {
        List<CandidateIndex.Hit> hits;
        try {
            hits = index.byTitle(v.normalized().titleTokens(), true, CANDIDATES);
        } catch (IOException e) {
            throw new UncheckedIOException("works index unreadable", e);
        }
        WorkStore.Entry best = null;
        double bestScore = -1;
        for (CandidateIndex.Hit hit : hits) {
            WorkStore.Entry e = store.entry(hit.ord());
            if (hidden != null
                    && e.count <= 1
                    && e.workId.equals(hidden.workId())
                    && e.variant.signature().equals(hidden.signature())) {
                continue;
            }
            double s = scorer.score(v, e.variant).total();
            if (s > bestScore) {
                bestScore = s;
                best = e;
            }
        }
        return new Candidate(best, bestScore);
    }

    private Resolution bestCandidate(Candidate c) {
        WorkStore.Entry best = c.entry();
        double bestScore = c.score();
        if (best == null) return null;
        String doiId = store.canonical(best.workId);
        return new Resolution(doiId, Route.FUZZY, doiId.startsWith("doi:") ? doiId.substring(4) : null, bestScore);
    }
}
