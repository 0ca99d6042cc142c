package org.citelens.extract;

import java.util.List;
import org.citelens.model.Article;
import org.citelens.resolve.WorkResolver;

/** Turns a parsed article into citation statements. Placeholder until the extract stage lands. */
public final class CitationStatementExtractor {
    public Extraction extract(Article article, WorkResolver resolver) {
        return new Extraction(List.of(), 0, 0);
    }
}
