package org.citelens.resolve;

import org.citelens.model.ArticleMetadata;
import org.citelens.model.CitedWork;
import org.citelens.model.Reference;

/** Puts a reference on the work it names. Implementations are thread-safe. */
public interface WorkResolver {
    CitedWork resolve(ArticleMetadata citing, Reference reference);
}
