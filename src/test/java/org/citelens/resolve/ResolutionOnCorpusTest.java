package org.citelens.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citelens.model.Article;
import org.citelens.model.CitedWork;
import org.citelens.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole bundled corpus registered once, then every reference resolved as ingest does. */
class ResolutionOnCorpusTest {
    private static Map<String, Article> articles;
    private static PersistentWorksRegistry registry;
    private static Map<String, Map<String, CitedWork>> resolved;

    @BeforeAll
    static void registerCorpus() throws Exception {
        articles = CorpusArticles.parseAll();
        registry = PersistentWorksRegistry.inMemory();
        articles.values().forEach(registry::register);
        resolved = new HashMap<>();
        for (Map.Entry<String, Article> a : articles.entrySet()) {
            Map<String, CitedWork> byRef = new HashMap<>();
            for (Reference r : a.getValue().references())
                byRef.put(r.id(), registry.resolve(a.getValue().metadata(), r));
            resolved.put(a.getKey(), byRef);
        }
    }

    @AfterAll
    static void close() throws Exception {
        registry.close();
    }

    @Test
    void everyInCorpusLinkResolvesToTheCitedArticle() throws Exception {
        List<Map<String, String>> links = CorpusArticles.tsv("in_corpus_links.tsv");
        assertEquals(236, links.size());
        List<String> wrong = new ArrayList<>();
        for (Map<String, String> link : links) {
            CitedWork w = resolved.get(link.get("citing_file")).get(link.get("ref_id"));
            String expected = "doi:" + link.get("cited_doi").toLowerCase();
            if (w == null || !expected.equals(w.workId())) wrong.add(link + " -> " + (w == null ? null : w.workId()));
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void inCorpusWorksCarryTheArticlesOwnMetadata() throws Exception {
        for (Map<String, String> row : CorpusArticles.tsv("manifest.tsv")) {
            WorkRecord w = registry.work("doi:" + row.get("doi").toLowerCase()).orElseThrow();
            assertTrue(w.inCorpus(), row.get("file"));
            assertEquals(row.get("title").strip(), w.title().strip(), row.get("file"));
        }
    }

    /** No work id splits (two ids for one DOI) and no merges (one id for two DOIs), over every reference. */
    @Test
    void noSplitsAndNoMerges() {
        Map<String, Set<String>> idsOfDoi = new HashMap<>();
        Map<String, Set<String>> doisOfId = new HashMap<>();
        int withDoi = 0;
        for (Map.Entry<String, Article> a : articles.entrySet()) {
            for (Reference r : a.getValue().references()) {
                CitedWork w = resolved.get(a.getKey()).get(r.id());
                String doi = ReferenceIdentifiers.doi(r);
                if (doi == null) {
                    // a reference without a DOI may only land on a key that no DOI claims, or on a DOI id
                    assertTrue(
                            !WorkKey.isKey(w.workId())
                                    || registry.work(w.workId()).orElseThrow().doi() == null,
                            w.workId());
                    continue;
                }
                withDoi++;
                idsOfDoi.computeIfAbsent(doi, k -> new HashSet<>()).add(w.workId());
                doisOfId.computeIfAbsent(w.workId(), k -> new HashSet<>()).add(doi);
            }
        }
        assertTrue(withDoi > 13_000, "references with a DOI: " + withDoi);
        idsOfDoi.forEach((doi, ids) -> assertEquals(Set.of("doi:" + doi), ids, doi));
        doisOfId.forEach((id, dois) -> assertEquals(1, dois.size(), id + " " + dois));
        // every key that learned a DOI answers with that DOI's id, never with a second id
        registry.mergedKeys()
                .forEach((key, doiId) ->
                        assertEquals(doiId, registry.work(key).orElseThrow().workId()));
    }

    @Test
    void livak2001IsFoundFirstBySurnameAndYear() {
        List<WorkRecord> hits = registry.search("Livak 2001", 10);
        assertEquals("10.1006/meth.2001.1262", hits.get(0).doi());
        assertEquals(
                "10.1006/meth.2001.1262",
                registry.search("Livak et al., 2001", 10).get(0).doi());
        assertEquals(
                "10.1006/meth.2001.1262",
                registry.search("https://doi.org/10.1006/METH.2001.1262", 10)
                        .get(0)
                        .doi());
        assertEquals(
                "10.1006/meth.2001.1262",
                registry.search("relative gene expression real-time quantitative PCR", 10)
                        .get(0)
                        .doi());
        assertTrue(
                hits.get(0).references() >= 15,
                "references to Livak 2001: " + hits.get(0).references());
    }
}
