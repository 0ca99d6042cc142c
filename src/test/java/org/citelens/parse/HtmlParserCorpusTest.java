package org.citelens.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.citelens.Figures;
import org.citelens.model.Article;
import org.citelens.model.CitationMention;
import org.citelens.model.Paragraph;
import org.citelens.model.Section;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The HTML parser on the real publisher pages, against counts made without the parser (html-expected.tsv). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlParserCorpusTest {
    private final HtmlParser parser = new HtmlParser();
    /** Each page is parsed once for the whole class: the suite must stay fast on two cores. */
    private final Map<String, Article> parsed = new HashMap<>();

    record Expected(String file, int references, int anchors, List<String> citedIds) {}

    static Stream<Expected> expected() throws IOException {
        List<Expected> rows = new ArrayList<>();
        try (InputStream in = HtmlParserCorpusTest.class.getResourceAsStream("/html-expected.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                rows.add(new Expected(
                        f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Arrays.asList(f[4].split(","))));
            }
        }
        return rows.stream();
    }

    private Article parse(String file) throws Exception {
        Article a = parsed.get(file);
        if (a == null) {
            a = parser.parse(Files.readAllBytes(RepositoryFiles.publisherHtml().resolve(file)), file);
            parsed.put(file, a);
        }
        return a;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expected")
    void findsTheCitationsAndReferencesAReaderSees(Expected e) throws Exception {
        Article a = parse(e.file());
        HtmlCitationCounts c = HtmlCitationCounts.compare(a, e.citedIds());
        System.out.printf(
                "%s\trefs %d/%d\tcited %d found %d expected %d\tP=%.3f R=%.3f%n",
                e.file(),
                a.references().size(),
                e.references(),
                c.truePositives(),
                c.found(),
                c.expected(),
                c.precision(),
                c.recall());
        Figures figures = Figures.of("html");
        int allowed = Math.max(1, (int) (e.references() * figures.value("expected.references.tolerance")));
        assertTrue(
                Math.abs(a.references().size() - e.references()) <= allowed,
                "references: " + a.references().size() + " vs " + e.references());
        figures.atLeast("expected.precision", c.precision(), e.file());
        figures.atLeast("expected.recall", c.recall(), e.file());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expected")
    void everyMarkerSpanHoldsItsMarkerAndNamesKnownReferences(Expected e) throws Exception {
        Article a = parse(e.file());
        var ids = a.referencesById().keySet();
        for (Section s : a.sections()) {
            for (Paragraph p : s.paragraphs()) {
                for (CitationMention m : p.citations()) {
                    assertEquals(m.marker(), p.text().substring(m.start(), m.end()));
                    assertTrue(ids.containsAll(m.refIds()), m.refIds() + " in " + e.file());
                }
            }
        }
    }

    @Test
    void readsArticleMetadataFromMetaTags() throws Exception {
        Article plos = parse("plosone__journal.pone.0111303.html");
        assertEquals("10.1371/journal.pone.0111303", plos.metadata().doi());
        assertEquals(2014, plos.metadata().year());
        assertFalse(plos.metadata().authors().isEmpty());
        assertNotNull(plos.metadata().title());
        Article elife = parse("elife__e04407.html");
        assertEquals("10.7554/elife.04407", elife.metadata().doi());
        assertEquals(7, elife.metadata().authors().size());
        Article acp = parse("acp__acp-15-1013-2015.html");
        assertEquals("10.5194/acp-15-1013-2015", acp.metadata().doi());
    }

    @Test
    void takesTitlesAndDoisOfReferencesFromCitationReferenceMetaTags() throws Exception {
        Article plos = parse("plosone__journal.pone.0111303.html");
        var rust = plos.referencesById().get("pone.0111303-Rust1");
        assertNotNull(rust);
        assertEquals("10.1073/pnas.1007407107", rust.doi());
        assertEquals(2010, rust.year());
        assertEquals("Rust", rust.firstAuthor().surname());
    }

    @Test
    void splitsOneWileyAnchorWithSeveralTargetsIntoOneMentionPerNumberOrRange() throws Exception {
        Article wiley = parse("wiley__advs.201500314.html");
        List<CitationMention> all = wiley.sections().stream()
                .flatMap(s -> s.paragraphs().stream())
                .flatMap(p -> p.citations().stream())
                .toList();
        CitationMention range =
                all.stream().filter(m -> m.marker().equals("16-18")).findFirst().orElseThrow();
        assertEquals(
                List.of("advs201500314-bib-0016", "advs201500314-bib-0017", "advs201500314-bib-0018"), range.refIds());
    }

    @Test
    void noParagraphComesFromPageChromeOrTheReferenceList() throws Exception {
        try (Stream<Path> pages = Files.list(RepositoryFiles.publisherHtml())) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                Article a = parse(page.getFileName().toString());
                for (Section s : a.sections()) {
                    for (Paragraph p : s.paragraphs()) {
                        String t = p.text();
                        assertFalse(
                                t.contains("Google Scholar")
                                        || t.contains("PubMed Abstract")
                                        || t.contains("View Article")
                                        || t.contains("This site uses cookies")
                                        || t.contains("Cross Ref"),
                                page + ": " + t);
                    }
                }
            }
        }
    }
}
