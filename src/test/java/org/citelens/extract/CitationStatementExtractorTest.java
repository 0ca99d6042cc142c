package org.citelens.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.citelens.model.Article;
import org.citelens.model.CitationStatement;
import org.citelens.model.Label;
import org.citelens.model.SectionType;
import org.citelens.parse.JatsParser;
import org.citelens.resolve.SimpleWorksRegistry;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.Test;

class CitationStatementExtractorTest {
    private final JatsParser parser = new JatsParser();
    private final CitationStatementExtractor extractor = new CitationStatementExtractor();
    private final SimpleWorksRegistry resolver = new SimpleWorksRegistry();

    private Extraction extract(String file) throws Exception {
        Article a = parser.parse(Files.readAllBytes(RepositoryFiles.corpus().resolve(file)), file);
        return extractor.extract(a, ref -> resolver.resolve(a.metadata(), ref));
    }

    @Test
    void oneStatementPerReferenceAndSentenceWithItsNeighbours() throws Exception {
        Extraction x = extract("millet/PMC5209317.xml");
        assertEquals(28, x.markers(), "28 bibr xrefs in the body (manifest n_xref_bibr)");
        assertEquals(0, x.unlinkedMarkers());
        CitationStatement first = x.statements().get(0);
        assertEquals("CR4", first.refId());
        assertEquals("Demain and Sanchez 2009", first.marker());
        assertEquals("", first.before(), "first sentence of its paragraph");
        assertTrue(first.sentence().startsWith("Streptomyces is a famous prokaryotic gram-positive"), first.sentence());
        assertTrue(
                first.after().startsWith("Some antibiotics showed great activity against plant virus"), first.after());
        assertEquals(SectionType.INTRODUCTION, first.section());
        assertEquals(Label.UNCLASSIFIED, first.label());
        assertEquals(0.0, first.confidence());
        assertTrue(first.cited().workId().startsWith("doi:"), first.cited().workId());
        CitationStatement second = x.statements().get(1);
        assertEquals(first.sentence(), second.sentence(), "two references cited in one sentence: two statements");
        assertEquals(first.sentencePosition(), second.sentencePosition());
        Set<String> keys = new HashSet<>();
        for (CitationStatement s : x.statements()) {
            assertTrue(keys.add(s.refId() + "@" + s.sentencePosition()), "one statement per (reference, sentence)");
            assertTrue(s.sentence().contains(s.marker()));
        }
    }

    @Test
    void idsAreStableAcrossRunsAndDerivedFromArticleReferenceAndPosition() throws Exception {
        List<CitationStatement> a = extract("rice/PMC6093901.xml").statements();
        List<CitationStatement> b = extract("rice/PMC6093901.xml").statements();
        assertEquals(
                a.stream().map(CitationStatement::id).toList(),
                b.stream().map(CitationStatement::id).toList());
        CitationStatement s = a.get(0);
        assertEquals(StatementIds.of(s.citing().articleId(), s.refId(), s.sentencePosition()), s.id());
        assertEquals(32, s.id().length());
        assertEquals(a.size(), a.stream().map(CitationStatement::id).distinct().count());
    }

    @Test
    void unlinkedMarkersAreCountedAndReported() throws Exception {
        String xml = """
                <article><front><article-meta><article-id pub-id-type="doi">10.1/test.1</article-id></article-meta></front>
                <body><sec><title>Introduction</title><p>Known work [<xref ref-type="bibr" rid="B1">1</xref>]. Missing
                target [<xref ref-type="bibr" rid="B9">9</xref>]. No target at all [<xref ref-type="bibr">7</xref>].</p></sec></body>
                <back><ref-list><ref id="B1"><element-citation><person-group person-group-type="author"><name>
                <surname>Smith</surname><given-names>J</given-names></name></person-group><article-title>A</article-title>
                <year>2015a</year></element-citation></ref></ref-list></back></article>""";
        Article a = parser.parse(xml.getBytes(StandardCharsets.UTF_8), "inline.xml");
        assertEquals(2015, a.references().get(0).year(), "digits of 2015a");
        Extraction x = extractor.extract(a, ref -> resolver.resolve(a.metadata(), ref));
        assertEquals(3, x.markers());
        assertEquals(2, x.unlinkedMarkers());
        assertEquals(
                List.of("B9", ""),
                x.unlinked().stream().map(UnlinkedMarker::target).toList());
        assertEquals("Missing target [9].", x.unlinked().get(0).sentence());
        assertEquals(1, x.statements().size());
        assertEquals("Known work [1].", x.statements().get(0).sentence());
        assertEquals("Missing target [9].", x.statements().get(0).after());
    }

    @Test
    void selfCitationIsASharedSurnameAndInitialIgnoringCaseAndAccents() {
        Set<String> citing = SelfCitations.keys(List.of(
                new org.citelens.model.Author("Müller", "Anna"), new org.citelens.model.Author("Zhou", "Yong")));
        assertTrue(SelfCitations.shareAuthor(citing, List.of(new org.citelens.model.Author("MULLER", "A."))));
        assertTrue(SelfCitations.shareAuthor(citing, List.of(new org.citelens.model.Author("zhou", "Y"))));
        assertFalse(SelfCitations.shareAuthor(citing, List.of(new org.citelens.model.Author("Zhou", "X"))));
        assertFalse(SelfCitations.shareAuthor(citing, List.of(new org.citelens.model.Author("Zhou", ""))));
    }

    /** Pairs read by hand among the corpus's flagged statements: second initials tell two people apart. */
    @Test
    void secondInitialsMustAgreeWhenBothNamesHaveOne() {
        Set<String> citing = SelfCitations.keys(List.of(
                new org.citelens.model.Author("Kim", "Sung-Ryul"),
                new org.citelens.model.Author("Ceasar", "S. Antony"),
                new org.citelens.model.Author("Simon", "James"),
                new org.citelens.model.Author("Han", "Jienan")));
        assertFalse(
                SelfCitations.shareAuthor(citing, List.of(new org.citelens.model.Author("Kim", "S. D."))),
                "PMC6295564 B18");
        assertTrue(SelfCitations.shareAuthor(citing, List.of(new org.citelens.model.Author("Ceasar", "SA"))));
        assertTrue(
                SelfCitations.shareAuthor(citing, List.of(new org.citelens.model.Author("Simon", "J.E"))),
                "one side has one initial");
        assertTrue(SelfCitations.shareAuthor(citing, List.of(new org.citelens.model.Author("Han", "J. N."))));
        assertTrue(SelfCitations.shareAuthor(citing, List.of(new org.citelens.model.Author("Kim", "S.-R."))));
        assertEquals("sr", SelfCitations.initials("Sung-Ryul"));
        assertEquals("sa", SelfCitations.initials("SA"));
        assertEquals("j", SelfCitations.initials("Jienan"));
    }
}
