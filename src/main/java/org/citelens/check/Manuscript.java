package org.citelens.check;

import java.util.List;
import org.citelens.model.Article;
import org.citelens.model.Reference;

/**
 * A manuscript as read for the check.
 *
 * @param format {@code jats}, {@code tei}, {@code html} or {@code text}
 * @param references its reference list in order
 * @param article the parsed article when the format has a body whose citations point at the references (JATS, TEI,
 *     HTML); null for plain text, whose citing sentences are not linked to its references
 */
public record Manuscript(String format, List<Reference> references, Article article) {
    public Manuscript {
        references = List.copyOf(references);
    }
}
