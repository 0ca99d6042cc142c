package org.citelens.resolve;

import java.util.Locale;
import org.citelens.model.Article;
import org.citelens.model.ArticleMetadata;
import org.citelens.model.Author;
import org.citelens.model.CitedWork;
import org.citelens.model.Doi;
import org.citelens.model.Reference;

/**
 * DOI when the reference has one, else a key of first-author surname, year and title, with no memory of other
 * references: what the extractor is tested with when resolution itself is not under test.
 */
public final class SimpleWorksRegistry implements WorksRegistry {
    @Override
    public void register(Article article) {
        // nothing to remember: this registry resolves each reference on its own
    }

    @Override
    public CitedWork resolve(ArticleMetadata citing, Reference ref) {
        String doi = Doi.normalize(ref.doi()).orElse(null);
        Author first = ref.firstAuthor();
        String surname = first == null ? "" : first.surname();
        String id = doi != null
                ? "doi:" + doi
                : "key:"
                        + (surname + "|" + ref.year() + "|" + (ref.title() == null ? ref.rawText() : ref.title()))
                                .toLowerCase(Locale.ROOT)
                                .replaceAll("[^a-z0-9|]+", "");
        return new CitedWork(id, doi, ref.title(), ref.year(), surname, ref.source());
    }
}
