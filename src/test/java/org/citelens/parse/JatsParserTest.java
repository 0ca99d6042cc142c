package org.citelens.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.citelens.model.Article;
import org.citelens.model.ArticleMetadata;
import org.citelens.model.Author;
import org.citelens.model.CitationMention;
import org.citelens.model.Paragraph;
import org.citelens.model.Reference;
import org.citelens.model.Section;
import org.citelens.model.SectionType;
import org.citelens.parse.jats.XrefScan;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JATS parser on real corpus files, against counts taken independently (manifest, {@link XrefScan}, reading). */
class JatsParserTest {
    private static final java.util.regex.Pattern VALID_DOI = java.util.regex.Pattern.compile("10\\.\\d{4,9}/\\S+");
    private final JatsParser parser = new JatsParser();

    static Path corpus() {
        return RepositoryFiles.corpus();
    }

    private Article parse(String file) throws Exception {
        return parser.parse(Files.readAllBytes(corpus().resolve(file)), file);
    }

    /** manifest.tsv rows: file, doi, pmid, pmcid, year, journal, license, n_refs, n_refs_with_doi, n_xref_bibr, ... */
    static Stream<Arguments> manifest() throws IOException {
        return Files.readAllLines(corpus().resolve("manifest.tsv")).stream()
                .skip(1)
                .map(l -> l.split("\t", -1))
                .map(row -> Arguments.of(row[0], row));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifest")
    void referenceCountsIdentifiersAndEveryBodyXrefMatchTheManifestAndAnIndependentScan(String file, String[] row)
            throws Exception {
        byte[] bytes = Files.readAllBytes(corpus().resolve(file));
        Article a = parser.parse(bytes, file);
        assertEquals(Integer.parseInt(row[7]), a.references().size(), "n_refs");
        String xml = new String(bytes, StandardCharsets.UTF_8);
        java.util.Map<String, String> dois = XrefScan.pubIdDois(xml);
        // every valid pub-id DOI is kept, normalised (lower case, trailing punctuation dropped); "10.111/x" is no DOI
        dois.forEach((id, doi) -> {
            String parsed = a.referencesById().get(id).doi();
            if (VALID_DOI.matcher(doi).matches()) {
                assertTrue(
                        parsed != null && doi.toLowerCase().startsWith(parsed),
                        file + " " + id + ": " + parsed + " for " + doi);
            } else {
                assertNull(parsed, file + " " + id);
            }
        });
        assertEquals(Integer.parseInt(row[9]), XrefScan.allBibrXrefs(xml), "the scan itself agrees with n_xref_bibr");
        // every body and caption xref, in document order, is inside one of the parser's markers
        List<XrefScan.Xref> xrefs = XrefScan.bodyXrefs(xml);
        List<CitationMention> mentions = mentions(a);
        int next = 0;
        for (CitationMention m : mentions) {
            int from = 0;
            boolean any = false;
            while (next < xrefs.size()) {
                int at = m.marker().indexOf(xrefs.get(next).text(), from);
                if (at < 0) break;
                from = at + xrefs.get(next).text().length();
                next++;
                any = true;
            }
            assertTrue(
                    any,
                    file + ": marker '" + m.marker() + "' matches no xref; next xref is "
                            + (next < xrefs.size() ? xrefs.get(next) : "none"));
        }
        assertEquals(xrefs.size(), next, file + ": body and caption xrefs covered by markers");
    }

    private static List<CitationMention> mentions(Article a) {
        List<CitationMention> out = new ArrayList<>();
        for (Section s : a.sections()) {
            for (Paragraph p : s.paragraphs()) {
                for (CitationMention m : p.citations()) {
                    assertEquals(m.marker(), p.text().substring(m.start(), m.end()), "marker span is exact");
                    out.add(m);
                }
            }
        }
        return out;
    }

    @Test
    void springerMetadataReadByHand() throws Exception {
        ArticleMetadata m = parse("millet/PMC5209317.xml").metadata();
        assertEquals("10.1186/s13568-016-0316-7", m.doi());
        assertEquals("PMC5209317", m.pmcid());
        assertNull(m.pmid());
        assertEquals(
                "Optimization of medium compositions to improve a novel glycoprotein production by Streptomyces"
                        + " kanasenisi ZX01",
                m.title());
        assertEquals(6, m.authors().size());
        assertEquals(new Author("Zhou", "Yong"), m.authors().get(0));
        assertEquals(new Author("Han", "Li-Rong"), m.authors().get(5));
        assertEquals("AMB Express", m.journal());
        assertEquals(2017, m.year());
    }

    @Test
    void plosMetadataReadByHand() throws Exception {
        ArticleMetadata m = parse("millet/PMC5381892.xml").metadata();
        assertEquals("10.1371/journal.pone.0175080", m.doi());
        assertEquals("28380021", m.pmid());
        assertEquals("PMC5381892", m.pmcid());
        assertTrue(m.title().startsWith("Phylogeography of Y-chromosome haplogroup O3a2b2-N6 reveals"), m.title());
        assertEquals(13, m.authors().size());
        assertEquals(new Author("Wei", "Lan-Hai"), m.authors().get(0));
        assertEquals(new Author("Li", "Hui"), m.authors().get(12));
        assertEquals("PLoS ONE", m.journal());
        assertEquals(2017, m.year());
    }

    @Test
    void frontiersMetadataReadByHand() throws Exception {
        ArticleMetadata m = parse("osanctum/PMC4558530.xml").metadata();
        assertEquals("10.3389/fmicb.2015.00892", m.doi());
        assertEquals(
                "Antagonistic activity of Ocimum sanctum L. essential oil on growth and zearalenone production"
                        + " by Fusarium graminearum in maize grains",
                m.title());
        assertEquals(8, m.authors().size());
        assertEquals(new Author("Kalagatur", "Naveen K."), m.authors().get(0));
        assertEquals(new Author("Putcha", "Venkata L. R."), m.authors().get(7));
        assertEquals("Frontiers in Microbiology", m.journal());
        assertEquals(2015, m.year());
    }

    @Test
    void issueYearIsPreferredOverTheOnlineDate() throws Exception {
        // ppub 2018-04-13, epub 2017-12-28: references to it print 2018
        assertEquals(2018, parse("millet/PMC5913645.xml").metadata().year());
    }

    @Test
    void mixedCitationFieldsAndItsEditorIsNoAuthor() throws Exception {
        Reference r = parse("millet/PMC5381892.xml").referencesById().get("pone.0175080.ref003");
        assertEquals(List.of(new Author("Bellwood", "P")), r.authors());
        assertEquals("Formosan Prehistory and Austronesian Dispersal", r.title());
        assertEquals(2000, r.year());
        assertTrue(
                r.rawText()
                        .startsWith("Bellwood P. Formosan Prehistory and Austronesian Dispersal In: Blundell D,"
                                + " editor."),
                r.rawText());
        Reference first = parse("millet/PMC5381892.xml").references().get(0);
        assertEquals("World Archaeology", first.source());
        assertEquals("8", first.volume());
        assertEquals("19–43", first.pages());
    }

    @Test
    void elementCitationIsRenderedWithPunctuationForDisplay() throws Exception {
        Reference r = parse("millet/PMC5209317.xml").referencesById().get("CR1");
        assertEquals(
                "Azma M, Mohamed MS, Mohamad R, Rahim RA, Ariff AB. Improvement of medium composition for"
                        + " heterotrophic cultivation of green microalgae, Tetraselmis suecica, using response surface methodology."
                        + " Biochem Eng J. 2011;53(2):187–195. doi:10.1016/j.bej.2010.10.010",
                r.rawText());
        assertEquals(
                List.of("Azma", "Mohamed", "Mohamad", "Rahim", "Ariff"),
                r.authors().stream().map(Author::surname).toList());
        assertEquals("10.1016/j.bej.2010.10.010", r.doi());
        assertEquals(2011, r.year());
    }

    @Test
    void processingInstructionsNeverLeakButGiveThePmid() throws Exception {
        Reference r = parse("millet/PMC5962751.xml").referencesById().get("B52");
        assertEquals("29583031", r.pmid(), "from <?supplied-pmid 29583031?>");
        assertEquals(
                List.of("Roach", "Bartsch", "Hackett", "Oelz"),
                r.authors().stream().map(Author::surname).toList());
        assertEquals(1993, r.year());
        assertFalse(r.rawText().contains("29583031"), r.rawText());
        assertTrue(r.rawText().endsWith("272–274."), r.rawText());
    }

    @Test
    void noProcessingInstructionOrMarkupLeaksAnywhereInTheCorpus() throws Exception {
        try (Stream<Path> files = Files.walk(corpus())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xml")).toList()) {
                Article a = parser.parse(Files.readAllBytes(f), f.toString());
                for (Reference r : a.references()) {
                    assertClean(f, r.rawText());
                    assertClean(f, r.title());
                }
                for (Section s : a.sections()) for (Paragraph p : s.paragraphs()) assertClean(f, p.text());
            }
        }
    }

    private static void assertClean(Path f, String text) {
        if (text == null) return;
        // "< inf >" is in one source as escaped text, so markup as such is not checked; leaked PIs and spacing are
        assertFalse(
                text.contains("supplied-pmid") || text.contains("<?") || text.contains("  ") || text.isBlank(),
                f + ": " + text);
    }

    @Test
    void rangeOfTwoXrefsJoinedByAnEnDashCitesEveryReferenceBetween() throws Exception {
        CitationMention m = mention(parse("millet/PMC6267058.xml"), "6–8");
        assertEquals(List.of("CR6", "CR7", "CR8"), m.refIds());
    }

    @Test
    void superscriptRangeAndListInsideOneSup() throws Exception {
        Article a = parse("rice/PMC6093901.xml");
        Paragraph p = a.sections().get(0).paragraphs().get(0);
        assertTrue(
                p.text().startsWith("Rice is a staple food for almost half of the world’s population1. The"), p.text());
        assertEquals(List.of("CR1"), p.citations().get(0).refIds());
        int at = p.text().indexOf("population1") + "population".length();
        assertEquals(
                new CitationMention(at, at + 1, "1", List.of("CR1")),
                p.citations().get(0));
        CitationMention range = mention(a, "5–9");
        assertEquals(List.of("CR5", "CR6", "CR7", "CR8", "CR9"), range.refIds());
        assertEquals(List.of("CR3"), mention(a, "3").refIds());
        assertEquals(List.of("CR4"), mention(a, "4").refIds());
    }

    @Test
    void oneXrefPrintedAsARangeOrListCitesEveryNumberItPrints() throws Exception {
        Article a = parse("millet/PMC5695508.xml");
        assertEquals(List.of("R3", "R4", "R5"), mention(a, "3–5").refIds());
        assertEquals(List.of("R1", "R2"), mention(a, "1 2").refIds());
    }

    @Test
    void authorYearMarkersTakeInTheAuthorsWrittenOutsideTheXref() throws Exception {
        Article springer = parse("millet/PMC5209317.xml");
        assertEquals(
                List.of("CR4"), mention(springer, "Demain and Sanchez 2009").refIds());
        assertEquals(List.of("CR20"), mention(springer, "Watve et al. 2001").refIds());
        Article frontiers = parse("millet/PMC5808252.xml");
        CitationMention ren = mention(frontiers, "Ren et al., 2013");
        assertEquals(1, ren.refIds().size());
    }

    @Test
    void sectionsGetTypesAndNestedSectionsInheritThem() throws Exception {
        List<Section> sections = parse("millet/PMC5209317.xml").sections();
        assertEquals("Introduction", sections.get(0).heading());
        assertEquals(SectionType.INTRODUCTION, sections.get(0).type());
        Section strain = sections.stream()
                .filter(s -> s.heading().equals("Strain"))
                .findFirst()
                .orElseThrow();
        assertEquals(SectionType.METHODS, strain.type(), "nested under Materials and methods");
        assertEquals(SectionType.DISCUSSION, sections.get(sections.size() - 1).type());
    }

    @Test
    void tableFootnotesAndAttributionsAreCaptionsButTableCellsAreNoText() throws Exception {
        Article a = parse("rice/PMC5962810.xml");
        Paragraph foot = paragraphs(a).stream()
                .filter(p -> p.text().contains("Data from Itoh et al. (2017)."))
                .findFirst()
                .orElseThrow();
        assertTrue(foot.caption());
        assertFalse(paragraphs(a).stream().anyMatch(p -> p.text().contains("20.7 ± 0.2")), "table cell text");
    }

    @Test
    void figuresKeptApartInAFloatsGroupTakeTheTypeOfTheSectionThatFirstPointsAtThem() throws Exception {
        Section section = parse("millet/PMC5537901.xml").sections().stream()
                .filter(
                        s -> s.paragraphs().stream()
                                .anyMatch(
                                        p -> p.caption()
                                                && p.text()
                                                        .startsWith(
                                                                "Experiment 3. Caco-2 cell Fe uptake as measured by ferritin formation")))
                .findFirst()
                .orElseThrow();
        assertEquals(SectionType.RESULTS, section.type());
    }

    @Test
    void notAnArticleIsMalformed() {
        assertThrows(MalformedArticleException.class, () -> parser.parse(new byte[0], "empty.xml"));
        assertThrows(
                MalformedArticleException.class,
                () -> parser.parse("<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8), "x.xml"));
    }

    private static List<Paragraph> paragraphs(Article a) {
        return a.sections().stream().flatMap(s -> s.paragraphs().stream()).toList();
    }

    private static CitationMention mention(Article a, String marker) {
        return paragraphs(a).stream()
                .flatMap(p -> p.citations().stream())
                .filter(m -> m.marker().equals(marker))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no marker " + marker));
    }
}
