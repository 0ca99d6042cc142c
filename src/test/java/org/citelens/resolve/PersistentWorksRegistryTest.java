package org.citelens.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.citelens.model.Article;
import org.citelens.model.ArticleMetadata;
import org.citelens.model.Author;
import org.citelens.model.CitedWork;
import org.citelens.model.Reference;
import org.citelens.model.SourceFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incremental ingest: a work first seen without a DOI merges into its DOI id when a later article gives it. */
class PersistentWorksRegistryTest {
    private static final String LIVAK_TITLE = "Analysis of relative gene expression data using real-time "
            + "quantitative PCR and the 2(-Delta Delta C(T)) Method";

    private static Reference livak(String id, String doi, String title) {
        return new Reference(
                id,
                doi,
                null,
                null,
                title,
                List.of(new Author("Livak", "KJ"), new Author("Schmittgen", "TD")),
                2001,
                "Methods",
                "25",
                "402-408",
                null);
    }

    private static Article article(String doi, Reference... refs) {
        return new Article(
                SourceFormat.JATS,
                new ArticleMetadata(
                        doi,
                        null,
                        null,
                        "Citing " + doi,
                        List.of(new Author("Kumar", "A")),
                        "Front Plant Sci",
                        2017,
                        doi + ".xml"),
                List.of(refs),
                List.of());
    }

    @Test
    void keyOnlyWorkMergesIntoDoiOnALaterIngestAndStaysMerged(@TempDir Path dir) throws Exception {
        Article first = article("10.3389/fpls.2017.01266", livak("B1", null, LIVAK_TITLE));
        String key;
        try (PersistentWorksRegistry r = PersistentWorksRegistry.open(dir)) {
            r.register(first);
            key = r.resolve(first.metadata(), first.references().get(0)).workId();
        }
        assertTrue(key.startsWith("key:livak-2001-"), key);

        Article second = article(
                "10.1038/s41598-017-15576-2",
                livak("CR7", "https://doi.org/10.1006/METH.2001.1262", LIVAK_TITLE.toUpperCase()));
        try (PersistentWorksRegistry r = PersistentWorksRegistry.open(dir)) {
            r.register(second);
            assertEquals(
                    "doi:10.1006/meth.2001.1262",
                    r.resolve(second.metadata(), second.references().get(0)).workId());
            CitedWork again = r.resolve(first.metadata(), first.references().get(0));
            assertEquals("doi:10.1006/meth.2001.1262", again.workId());
            assertEquals("doi:10.1006/meth.2001.1262", r.canonicalId(key));
        }
        try (PersistentWorksRegistry r = PersistentWorksRegistry.openReadOnly(dir)) {
            WorkRecord w = r.work(key).orElseThrow();
            assertEquals("doi:10.1006/meth.2001.1262", w.workId());
            assertEquals(2, w.references());
            assertEquals(List.of(key), w.aliases());
            assertEquals("Livak", w.firstAuthor());
            assertEquals(
                    "doi:10.1006/meth.2001.1262",
                    r.search("Livak 2001", 5).get(0).workId());
        }
    }

    @Test
    void reIngestingAnArticleDoesNotCountItsReferencesAgain(@TempDir Path dir) throws Exception {
        Article citing = article("10.3389/fpls.2017.01266", livak("B1", "10.1006/meth.2001.1262", LIVAK_TITLE));
        Article other = article("10.1038/s41598-017-15576-2", livak("CR7", "10.1006/meth.2001.1262", LIVAK_TITLE));
        for (int run = 0; run < 2; run++) {
            try (PersistentWorksRegistry r = PersistentWorksRegistry.open(dir)) {
                r.register(citing);
                r.register(citing);
            }
        }
        try (PersistentWorksRegistry r = PersistentWorksRegistry.open(dir)) {
            assertEquals(1, r.work("doi:10.1006/meth.2001.1262").orElseThrow().references());
            r.register(other);
            assertEquals(2, r.work("doi:10.1006/meth.2001.1262").orElseThrow().references());
        }
    }

    @Test
    void sameUnresolvedWorkAggregatesUnderOneKeyWhateverItsTypesetting() throws Exception {
        Reference a = livak("B1", null, LIVAK_TITLE);
        Reference b = new Reference(
                "R9",
                null,
                null,
                null,
                "Analysis of Relative Gene Expression Data Using "
                        + "Real-Time Quantitative PCR and the 2(−Delta Delta C(T)) method.",
                List.of(new Author("Lívak", "K. J.")),
                2001,
                "Methods (San Diego, Calif.)",
                "25",
                "402",
                null);
        try (PersistentWorksRegistry r = PersistentWorksRegistry.inMemory()) {
            Article one = article("10.1/a", a);
            Article two = article("10.1/b", b);
            r.register(one);
            r.register(two);
            assertEquals(
                    r.resolve(one.metadata(), a).workId(),
                    r.resolve(two.metadata(), b).workId());
        }
    }
}
