package org.citelens.resolve;

import org.citelens.model.Article;

/**
 * The works known so far. Ingest registers every article first (its own metadata and its references), then
 * resolves references against everything registered, so a reference without a DOI can still find its work.
 */
public interface WorksRegistry extends WorkResolver {
    void register(Article article);
}
