package org.citelens.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.citelens.model.Article;
import org.citelens.model.CitationMention;
import org.citelens.model.Paragraph;
import org.citelens.model.Reference;
import org.citelens.model.SectionType;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The TEI parser on the four GROBID files. Expected counts were taken with grep on the raw files, not with the
 * parser: bibliography entries = {@code <biblStruct ... xml:id=} (the README's biblStruct count also includes the
 * header's own biblStruct, which has no xml:id), callouts = {@code <ref type="bibr"}, unlinked = callouts without a
 * {@code target} attribute, reference DOIs = {@code <idno type="DOI">} inside {@code listBibl}.
 */
class TeiParserTest {
    private final TeiParser parser = new TeiParser();

    private Article parse(String file) throws Exception {
        return parser.parse(Files.readAllBytes(RepositoryFiles.grobidTei().resolve(file)), file);
    }

    @ParameterizedTest
    @CsvSource({
        "s2orc-doc2json/2020.acl-main.207.tei.xml, 57, 79, 17, 7, ",
        "s2orc-doc2json/N18-3011.tei.xml, 27, 28, 8, 0, ",
        "grobid-client-python/0046d83a-edd6-4631-b57c-755cdcce8b7f.tei.xml, 49, 57, 0, 47, 10.1186/s12984-016-0129-6",
        "grobid-client-python/0f318087-b211-4ace-8ac9-3d9372a73c1c.tei.xml, 27, 44, 1, 26, 10.4103/0366-6999.209897"
    })
    void readsBibliographyCalloutsAndHeader(String file, int refs, int callouts, int unlinked, int refDois, String doi)
            throws Exception {
        Article a = parse(file);
        assertEquals(refs, a.references().size());
        List<CitationMention> mentions = mentions(a);
        assertEquals(callouts, mentions.size());
        assertEquals(
                unlinked, mentions.stream().filter(m -> m.refIds().isEmpty()).count());
        assertEquals(
                refDois, a.references().stream().filter(r -> r.doi() != null).count());
        assertEquals(doi, a.metadata().doi());
        assertTrue(a.metadata().title() != null && !a.metadata().authors().isEmpty());
        for (var s : a.sections()) {
            for (Paragraph p : s.paragraphs()) {
                for (CitationMention m : p.citations())
                    assertEquals(m.marker(), p.text().substring(m.start(), m.end()));
            }
        }
    }

    @Test
    void keepsCalloutTextAsWrittenWithStrayBrackets() throws Exception {
        Article a = parse("s2orc-doc2json/2020.acl-main.207.tei.xml");
        List<CitationMention> mentions = mentions(a);
        CitationMention radford = mentions.stream()
                .filter(m -> m.marker().equals("(Radford et al., 2018;"))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of("b38"), radford.refIds());
        Reference b38 = a.referencesById().get("b38");
        assertEquals(2018, b38.year());
        assertEquals("Radford", b38.firstAuthor().surname());
        assertTrue(a.sections().stream().anyMatch(s -> s.type() == SectionType.INTRODUCTION));
    }

    @Test
    void readsSentencesWhenGrobidMarksThemAndExpandsDashRanges() throws Exception {
        String tei = """
                <?xml version="1.0" encoding="UTF-8"?>
                <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title level="a" type="main">T</title>
                </titleStmt><sourceDesc><biblStruct><analytic><author><persName><forename>Ann</forename><surname>Lee</surname>
                </persName></author></analytic><idno type="DOI">10.1234/ABC</idno></biblStruct></sourceDesc></fileDesc></teiHeader>
                <text><body><div><head>Introduction</head><p><s>Prior work <ref type="bibr" target="#b0">[1]</ref>–<ref type="bibr" target="#b2">[3]</ref> exists.</s>
                <s>Nothing more <ref type="bibr">[9]</ref>.</s></p></div></body>
                <back><div type="references"><listBibl><biblStruct xml:id="b0"><monogr><imprint><date when="2001"/></imprint></monogr></biblStruct>
                <biblStruct xml:id="b1"/><biblStruct xml:id="b2"/></listBibl></div></back></text></TEI>
                """;
        Article a = parser.parse(tei.getBytes(StandardCharsets.UTF_8), "mini.tei.xml");
        Paragraph p = a.sections().get(0).paragraphs().get(0);
        assertEquals("Prior work [1]–[3] exists. Nothing more [9].", p.text());
        assertEquals(List.of(0, 27), p.sentenceStarts());
        assertEquals(List.of("b0", "b1", "b2"), p.citations().get(0).refIds());
        assertEquals("[1]–[3]", p.citations().get(0).marker());
        assertEquals(List.of(), p.citations().get(1).refIds());
        assertEquals("10.1234/abc", a.metadata().doi());
        assertEquals(SectionType.INTRODUCTION, a.sections().get(0).type());
    }

    @Test
    void rejectsWhatIsNotTei() {
        assertThrows(MalformedArticleException.class, () -> parser.parse(new byte[0], "x.tei.xml"));
        assertThrows(
                MalformedArticleException.class,
                () -> parser.parse("<html><body>hi</body></html>".getBytes(), "x.tei.xml"));
        assertThrows(MalformedArticleException.class, () -> parser.parse(new byte[] {0, 1, 2, 3, 0, 5}, "x.tei.xml"));
    }

    static List<CitationMention> mentions(Article a) {
        return a.sections().stream()
                .flatMap(s -> s.paragraphs().stream())
                .flatMap(p -> p.citations().stream())
                .toList();
    }
}
