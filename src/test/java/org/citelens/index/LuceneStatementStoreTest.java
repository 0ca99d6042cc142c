package org.citelens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.citelens.model.ArticleMetadata;
import org.citelens.model.CitationStatement;
import org.citelens.model.CitedWork;
import org.citelens.model.Label;
import org.citelens.model.SectionType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's semantics on a small index whose every count is known by construction: three citing articles,
 * two cited works, labels, sections, years and self-citations chosen so that each filter and tally differs.
 */
class LuceneStatementStoreTest {
    static final String CITED_A = "10.1006/meth.2001.1262";
    static final String CITED_B = "10.1093/nar/gkq001";

    @TempDir
    static Path dir;

    static LuceneStatementStore store;

    static ArticleMetadata article(String doi, int year, String journal) {
        return new ArticleMetadata(doi, null, null, "Article " + doi, List.of(), journal, year, "test/" + doi);
    }

    static CitationStatement statement(
            ArticleMetadata citing,
            String citedDoi,
            int pos,
            String sentence,
            String marker,
            SectionType section,
            Label label,
            double confidence,
            boolean self) {
        CitedWork cited = new CitedWork(
                "doi:" + citedDoi,
                citedDoi,
                citedDoi.equals(CITED_A)
                        ? "Analysis of relative gene expression data using real-time quantitative PCR"
                        : "Another work",
                2001,
                "Livak",
                "Methods");
        return new CitationStatement(
                citing.articleId() + "#" + citedDoi + "#" + pos,
                citing,
                cited,
                "R" + pos,
                marker,
                "Before sentence.",
                sentence,
                "After sentence.",
                section,
                pos,
                label,
                confidence,
                self);
    }

    static final ArticleMetadata P1 = article("10.1/p1", 2017, "Plant Physiology");
    static final ArticleMetadata P2 = article("10.1/p2", 2018, "Frontiers in Plant Science");
    static final ArticleMetadata P3 = article("10.1/p3", 2018, "Plant Physiology");

    static List<CitationStatement> p1() {
        return List.of(
                statement(
                        P1,
                        CITED_A,
                        1,
                        "Relative expression was calculated with the 2-ΔΔCt method [12].",
                        "12",
                        SectionType.METHODS,
                        Label.MENTIONING,
                        0.9,
                        false),
                statement(
                        P1,
                        CITED_A,
                        5,
                        "Consistent with [12], drought tolerance increased in transgenic plants.",
                        "12",
                        SectionType.DISCUSSION,
                        Label.SUPPORTING,
                        0.8,
                        true),
                statement(
                        P1,
                        CITED_B,
                        5,
                        "Consistent with [12], drought tolerance increased in transgenic plants.",
                        "13",
                        SectionType.DISCUSSION,
                        Label.MENTIONING,
                        0.7,
                        false));
    }

    static List<CitationStatement> p2() {
        return List.of(
                statement(
                        P2,
                        CITED_A,
                        2,
                        "In contrast to Livak et al. (2001), we observed no <effect> & no change.",
                        "Livak et al. (2001)",
                        SectionType.RESULTS,
                        Label.CONTRASTING,
                        0.6,
                        false),
                statement(
                        P2,
                        CITED_A,
                        3,
                        "Drought stress responses were reviewed earlier (Livak et al. 2001).",
                        "Livak et al. 2001",
                        SectionType.INTRODUCTION,
                        Label.MENTIONING,
                        0.5,
                        false));
    }

    static List<CitationStatement> p3() {
        return List.of(statement(
                P3,
                CITED_A,
                7,
                "Gene expression was normalised as described.12",
                "12",
                SectionType.METHODS,
                Label.UNCLASSIFIED,
                0.0,
                false));
    }

    @BeforeAll
    static void build() throws Exception {
        try (StatementIndexWriter w = StatementIndexWriter.open(dir)) {
            w.replaceArticle(P1.articleId(), p1());
            w.replaceArticle(P2.articleId(), p2());
            w.replaceArticle(P3.articleId(), p3());
            w.commit();
            // re-ingesting an article replaces its statements rather than adding to them
            w.replaceArticle(P2.articleId(), p2());
            w.commit();
        }
        store = LuceneStatementStore.open(dir, Duration.ofHours(1));
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
    }

    @Test
    void talliesCountLabelsDistinctCitingWorksAndSelfCitations() throws Exception {
        Tallies t = store.tallies(CITED_A).orElseThrow();
        assertEquals(new Tallies(CITED_A, 5, 1, 1, 1, 2, 1, 3, 1, 1, null), t);
        assertTrue(store.tallies("10.9999/nobody").isEmpty());
        Map<String, Tallies> batch = store.tallies(List.of(CITED_A, CITED_B, "10.9999/nobody"));
        assertEquals(Set.of(CITED_A, CITED_B), batch.keySet());
        assertEquals(t, batch.get(CITED_A));
        assertEquals(1, batch.get(CITED_B).total());
    }

    @Test
    void sectionTalliesAndCitingPublicationsPerYear() throws Exception {
        assertEquals(
                new SectionTallies(CITED_A, 5, 1, 2, 1, 1, 0),
                store.sectionTallies(CITED_A).orElseThrow());
        // P1 in 2017; P2 and P3 in 2018, P2 counted once although it has two statements
        assertEquals(Map.of(2017, 1L, 2018, 2L), store.citingPublicationsPerYear(CITED_A));
    }

    @Test
    void workMetadataComesFromTheCitingStatements() throws Exception {
        var w = store.work(CITED_A).orElseThrow();
        assertEquals("Livak", w.firstAuthor());
        assertEquals(2001, w.year());
        assertTrue(store.work("10.9999/nobody").isEmpty());
    }

    @Test
    void filtersNarrowTheStatements() throws Exception {
        assertEquals(5, count(q(null, CITED_A, Set.of(), Set.of(), null, null, null, null)));
        assertEquals(1, count(q(null, CITED_A, Set.of(Label.CONTRASTING), Set.of(), null, null, null, null)));
        assertEquals(2, count(q(null, CITED_A, Set.of(), Set.of(SectionType.METHODS), null, null, null, null)));
        assertEquals(3, count(q(null, CITED_A, Set.of(), Set.of(), 2018, 2018, null, null)));
        assertEquals(4, count(q(null, null, Set.of(), Set.of(), null, null, "plant physiology", null)));
        assertEquals(1, count(q(null, CITED_A, Set.of(), Set.of(), null, null, null, SelfCitationFilter.ONLY)));
        assertEquals(4, count(q(null, CITED_A, Set.of(), Set.of(), null, null, null, SelfCitationFilter.EXCLUDE)));
    }

    @Test
    void textSearchStemsHighlightsAndEscapes() throws Exception {
        SearchPage page = store.search(q("drought", null, Set.of(), Set.of(), null, null, null, null), true);
        assertEquals(3, page.totalHits());
        assertEquals(Map.of("discussion", 2L, "introduction", 1L), page.facets().get("section"));
        assertEquals(Map.of("2017", 2L, "2018", 1L), page.facets().get("year"));
        StatementHit intro = page.hits().stream()
                .filter(h -> h.statement().section() == SectionType.INTRODUCTION)
                .findFirst()
                .orElseThrow();
        assertEquals(
                "<mark>Drought</mark> stress responses were reviewed earlier "
                        + "(<mark class=\"marker\">Livak et al. 2001</mark>).",
                intro.highlighted());
        SearchPage contrast = store.search(q("observed", null, Set.of(), Set.of(), null, null, null, null), false);
        assertEquals(
                "In contrast to <mark class=\"marker\">Livak et al. (2001)</mark>, we <mark>observed</mark> "
                        + "no &lt;effect&gt; &amp; no change.",
                contrast.hits().get(0).highlighted());
        // a superscript marker after the full stop is found, not the 12 inside another number
        SearchPage sup = store.search(q("normalised", null, Set.of(), Set.of(), null, null, null, null), false);
        assertEquals(
                "Gene expression was <mark>normalised</mark> as described.<mark class=\"marker\">12</mark>",
                sup.hits().get(0).highlighted());
    }

    @Test
    void querySyntaxWhereItParsesAndPlainWordsOtherwise() throws Exception {
        assertEquals(2, count(q("\"drought tolerance\"", null, Set.of(), Set.of(), null, null, null, null)));
        assertEquals(1, count(q("drought AND NOT tolerance", null, Set.of(), Set.of(), null, null, null, null)));
        assertEquals(1, count(q("drought label:supporting", null, Set.of(), Set.of(), null, null, null, null)));
        assertEquals(3, count(q("year:2018", null, Set.of(), Set.of(), null, null, null, null)));
        assertEquals(
                4, count(q("year:[2018 TO *] OR section:methods", null, Set.of(), Set.of(), null, null, null, null)));
        for (String odd : List.of(
                "drought)",
                "\"unbalanced",
                "AND",
                "10.1006/meth.2001.1262",
                "*",
                "label:nonsense",
                "a:b:c",
                "((((",
                "drought~",
                "dro*",
                "/regex/",
                "the")) {
            store.search(q(odd, null, Set.of(), Set.of(), null, null, null, null), true); // never throws
        }
        assertEquals(3, count(q("drought)", null, Set.of(), Set.of(), null, null, null, null)));
    }

    @Test
    void cursorPagingVisitsEveryHitOnceInEverySort() throws Exception {
        for (StatementSort sort : StatementSort.values()) {
            Set<String> seen = new HashSet<>();
            String cursor = null;
            int pages = 0;
            do {
                SearchPage page = store.search(
                        new StatementQuery(null, null, null, null, null, null, null, null, null, null, sort, cursor, 2),
                        false);
                for (StatementHit h : page.hits())
                    assertTrue(seen.add(h.statement().id()), "duplicate in " + sort);
                cursor = page.nextCursor();
                pages++;
            } while (cursor != null);
            assertEquals(6, seen.size(), sort.name());
            assertEquals(3, pages, sort.name());
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> store.search(
                        new StatementQuery(
                                null, null, null, null, null, null, null, null, null, null, null, "not*a~cursor", 2),
                        false));
        String yearCursor = store.search(
                        new StatementQuery(
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                StatementSort.YEAR_DESC,
                                null,
                                2),
                        false)
                .nextCursor();
        assertThrows(
                IllegalArgumentException.class,
                () -> store.search(
                        new StatementQuery(
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                StatementSort.CONFIDENCE_ASC,
                                yearCursor,
                                2),
                        false));
    }

    @Test
    void yearSortOrdersByCitingYear() throws Exception {
        SearchPage page = store.search(
                new StatementQuery(
                        null, null, null, null, null, null, null, null, null, null, StatementSort.YEAR_DESC, null, 10),
                false);
        assertEquals(2018, page.hits().get(0).statement().citing().year());
        assertEquals(2017, page.hits().get(5).statement().citing().year());
        assertNull(page.nextCursor());
    }

    @Test
    void aReplacedArticleLosesItsStaleStatementsAndAReaderSeesTheCommit(@TempDir Path other) throws Exception {
        try (StatementIndexWriter w = StatementIndexWriter.open(other)) {
            w.replaceArticle(P1.articleId(), p1());
            w.commit();
        }
        try (LuceneStatementStore live = LuceneStatementStore.open(other, Duration.ofHours(1));
                StatementIndexWriter w = StatementIndexWriter.open(other)) {
            assertEquals(3, live.statementCount());
            w.replaceArticle(P1.articleId(), p1().subList(0, 1));
            w.replaceArticle(P2.articleId(), p2());
            w.commit();
            assertEquals(3, live.statementCount(), "not visible before refresh");
            live.refresh();
            assertEquals(3, live.statementCount());
            Tallies a = live.tallies(CITED_A).orElseThrow();
            assertEquals(3, a.total());
            assertEquals(0, a.supporting(), "the supporting statement P1 no longer has is gone");
            assertTrue(live.tallies(CITED_B).isEmpty());
        }
    }

    @Test
    void forEachStreamsEveryStatementOfAManyStatementIndex(@TempDir Path big) throws Exception {
        int articles = 2_000;
        try (StatementIndexWriter w = StatementIndexWriter.open(big)) {
            for (int a = 0; a < articles; a++) {
                ArticleMetadata citing = article("10.5/gen" + a, 2000 + a % 20, "Journal " + a % 7);
                List<CitationStatement> list = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    list.add(statement(
                            citing,
                            i % 2 == 0 ? CITED_A : CITED_B,
                            i,
                            "Generated sentence " + i + " [1].",
                            "1",
                            SectionType.values()[i % 5],
                            Label.values()[i % 4],
                            i / 10.0,
                            false));
                }
                w.replaceArticle(citing.articleId(), list);
            }
            w.commit();
        }
        try (LuceneStatementStore s = LuceneStatementStore.open(big, Duration.ofHours(1))) {
            AtomicLong n = new AtomicLong();
            Set<String> first = new HashSet<>();
            s.forEach(StatementQuery.all(1), st -> {
                if (n.getAndIncrement() < 100) first.add(st.id());
            });
            assertEquals(articles * 10L, n.get());
            AtomicLong a = new AtomicLong();
            s.forEach(StatementQuery.citing(CITED_B, 1), st -> {
                assertEquals(CITED_B, st.cited().doi());
                a.incrementAndGet();
            });
            assertEquals(articles * 5L, a.get());
            assertEquals(articles, s.tallies(CITED_A).orElseThrow().citingPublications());
            assertFalse(first.isEmpty());
        }
    }

    static StatementQuery q(
            String text,
            String cited,
            Set<Label> labels,
            Set<SectionType> sections,
            Integer from,
            Integer to,
            String journal,
            SelfCitationFilter self) {
        return new StatementQuery(text, cited, null, null, labels, sections, from, to, journal, self, null, null, 100);
    }

    static long count(StatementQuery q) throws Exception {
        return store.search(q, false).totalHits();
    }
}
