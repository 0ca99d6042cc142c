package org.citelens.resolve;

import org.citelens.model.Article;
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
}
