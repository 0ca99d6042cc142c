package org.citelens.resolve;

import java.util.Map;
import org.citelens.model.Article;
import org.citelens.model.CitedWork;
import org.citelens.model.Reference;

/**
 * The works known so far. Ingest registers every article first (its own metadata and its references), then
 * resolves references against everything registered, so a reference without a DOI can still find its work.
 */
public interface WorksRegistry extends WorkResolver {
    void register(Article article);

    /**
     * Optionally does, ahead and on any thread, the part of resolving {@code reference} that depends only on what is
     * registered (not on the order references are resolved in), so a later in-order {@link #resolve} is cheap.
     * Call after the last {@link #register}; the outcome of {@code resolve} is the same either way.
     */
    default void prepare(Reference reference) {}

    /**
     * Works whose key has been merged into a DOI, by the old key: statements an earlier ingest indexed under the
     * key are re-pointed to these. Empty for a registry that never merges.
     */
    default Map<String, CitedWork> mergedWorks() {
        return Map.of();
    }
}
