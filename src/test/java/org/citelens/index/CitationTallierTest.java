package org.citelens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.citelens.model.ArticleMetadata;
import org.citelens.model.CitationStatement;
import org.citelens.model.CitedWork;
import org.citelens.model.Label;
import org.citelens.model.SectionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tallies counted from doc-value ordinals (labels, sections, citing articles per segment) equal the counts of the
 * stored statements themselves, over several segments, replaced articles (deleted documents), articles citing one
 * work from many statements, self-citations in only some of them, and articles without a year.
 */
class CitationTallierTest {
    private static final List<String> DOIS = List.of("10.7/hot", "10.7/warm", "10.7/cold");

    @Test
    void talliesEqualTheCountsOfTheStatementsThemselves(@TempDir Path dir) throws Exception {
        try (StatementIndexWriter w = StatementIndexWriter.open(dir)) {
            for (int round = 0; round < 3; round++) {
                for (int a = 0; a < 60; a++) {
                    // the second and third rounds replace a third of the articles with other statements
                    if (round > 0 && a % 3 != round) continue;
                    w.replaceArticle(articleId(a), article(a, round));
                }
                w.commit();
            }
        }
        try (LuceneStatementStore store = LuceneStatementStore.open(dir, Duration.ofHours(1))) {
            Map<String, List<CitationStatement>> byDoi = new HashMap<>();
            store.forEach(StatementQuery.all(1), s -> byDoi.computeIfAbsent(s.cited().doi(), d -> new ArrayList<>())
                    .add(s));
            assertEquals(Set.copyOf(DOIS), byDoi.keySet());
            Map<String, Tallies> batch = store.tallies(DOIS);
            for (String doi : DOIS) {
                List<CitationStatement> list = byDoi.get(doi);
                assertEquals(expectedTallies(doi, list), store.tallies(doi).orElseThrow(), doi);
                assertEquals(expectedTallies(doi, list), batch.get(doi), doi);
                assertEquals(expectedSections(doi, list), store.sectionTallies(doi).orElseThrow(), doi);
                assertEquals(expectedPerYear(list), store.citingPublicationsPerYear(doi), doi);
            }
        }
    }

    private static String articleId(int a) {
        return "doi:10.8/a" + a;
    }

    private static List<CitationStatement> article(int a, int round) {
        ArticleMetadata citing = new ArticleMetadata(
                "10.8/a" + a, null, null, "Article " + a, List.of(), "Journal " + a % 4,
                a % 7 == 0 ? null : 2000 + a % 5, "test/" + a);
        List<CitationStatement> out = new ArrayList<>();
        int n = 1 + (a * 7 + round) % 9;
        for (int i = 0; i < n; i++) {
            String doi = DOIS.get(i % 4 == 3 ? 1 : (a + i) % 11 == 0 ? 2 : 0);
            out.add(new CitationStatement(
                    citing.articleId() + "#" + i, citing, new CitedWork("doi:" + doi, doi, "W", 1999, "X", "J"),
                    "R" + i, "1", "", "Sentence " + i + " of round " + round + ".", "",
                    SectionType.values()[(a + i + round) % SectionType.values().length],
                    i,
                    Label.values()[(a * 3 + i + round) % Label.values().length], 0.5,
                    (a + i) % 5 == 0));
        }
        return out;
    }

    private static Tallies expectedTallies(String doi, List<CitationStatement> list) {
        Map<Label, Long> labels = new HashMap<>();
        Set<String> citing = new HashSet<>();
        Set<String> selfCiting = new HashSet<>();
        long self = 0;
        for (CitationStatement s : list) {
            labels.merge(s.label(), 1L, Long::sum);
            citing.add(s.citing().articleId());
            if (s.selfCitation()) {
                self++;
                selfCiting.add(s.citing().articleId());
            }
        }
        long contrasting = labels.getOrDefault(Label.CONTRASTING, 0L);
        return new Tallies(doi, list.size(), labels.getOrDefault(Label.SUPPORTING, 0L), contrasting, contrasting,
                labels.getOrDefault(Label.MENTIONING, 0L), labels.getOrDefault(Label.UNCLASSIFIED, 0L),
                citing.size(), self, selfCiting.size(), null);
    }

    private static SectionTallies expectedSections(String doi, List<CitationStatement> list) {
        Map<SectionType, Long> n = new HashMap<>();
        for (CitationStatement s : list) n.merge(s.section(), 1L, Long::sum);
        return new SectionTallies(doi, list.size(), n.getOrDefault(SectionType.INTRODUCTION, 0L),
                n.getOrDefault(SectionType.METHODS, 0L), n.getOrDefault(SectionType.RESULTS, 0L),
                n.getOrDefault(SectionType.DISCUSSION, 0L), n.getOrDefault(SectionType.OTHER, 0L));
    }

    private static SortedMap<Integer, Long> expectedPerYear(List<CitationStatement> list) {
        Map<Integer, Set<String>> byYear = new HashMap<>();
        for (CitationStatement s : list) {
            if (s.citing().year() != null) {
                byYear.computeIfAbsent(s.citing().year(), y -> new HashSet<>()).add(s.citing().articleId());
            }
        }
        SortedMap<Integer, Long> out = new TreeMap<>();
        byYear.forEach((y, ids) -> out.put(y, (long) ids.size()));
        return out;
    }
}
