package org.citelens.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.citelens.Figures;
import org.citelens.model.Article;
import org.citelens.model.CitationStatement;
import org.citelens.parse.JatsParser;
import org.citelens.parse.jats.XrefScan;
import org.citelens.resolve.SimpleWorksRegistry;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.Test;

/**
 * Extraction recall over the whole bundled corpus: every bibliographic xref of the body and captions, counted by
 * {@link XrefScan} independently of the parser, must have a statement citing one of its targets whose sentence
 * contains the xref's text; and no statement may lack its own marker. Prints the figures and the misses by
 * category for docs/quality.md.
 */
class ExtractionRecallTest {
    @Test
    void everyBodyXrefHasAStatementWhoseSentenceHoldsItsMarker() throws Exception {
        JatsParser parser = new JatsParser();
        CitationStatementExtractor extractor = new CitationStatementExtractor();
        SimpleWorksRegistry resolver = new SimpleWorksRegistry();
        int files = 0;
        int xrefs = 0;
        int found = 0;
        int unlinkedXrefs = 0;
        int statements = 0;
        int reportedUnlinked = 0;
        List<String> withoutOwnMarker = new ArrayList<>();
        Map<String, List<String>> misses = new TreeMap<>();
        for (Path file : corpusFiles()) {
            files++;
            String xml = Files.readString(file, StandardCharsets.UTF_8);
            Article article = parser.parse(xml.getBytes(StandardCharsets.UTF_8), file.toString());
            Extraction extraction = extractor.extract(article, ref -> resolver.resolve(article.metadata(), ref));
            statements += extraction.statements().size();
            reportedUnlinked += extraction.unlinkedMarkers();
            Map<String, List<String>> sentencesByRef = new HashMap<>();
            for (CitationStatement s : extraction.statements()) {
                sentencesByRef
                        .computeIfAbsent(s.refId(), k -> new ArrayList<>())
                        .add(s.sentence());
                if (!s.sentence().contains(s.marker()))
                    withoutOwnMarker.add(file.getFileName() + ": " + s.marker() + " | " + s.sentence());
            }
            Set<String> refIds = XrefScan.refIds(xml);
            for (XrefScan.Xref x : XrefScan.bodyXrefs(xml)) {
                xrefs++;
                if (x.rids().stream().noneMatch(refIds::contains)) {
                    unlinkedXrefs++;
                    miss(misses, "target not in the reference list", file, x);
                    continue;
                }
                boolean hit = x.rids().stream().anyMatch(r -> sentencesByRef.getOrDefault(r, List.of()).stream()
                        .anyMatch(sentence -> sentence.contains(x.text())));
                if (hit) found++;
                else
                    miss(
                            misses,
                            sentencesByRef.keySet().stream().anyMatch(x.rids()::contains)
                                    ? "statement for the reference but its sentence lacks the marker text"
                                    : "no statement for the reference",
                            file,
                            x);
            }
        }
        double recall = xrefs == 0 ? 0 : (double) found / xrefs;
        System.out.printf(
                "extraction recall: %d files, %d body/caption bibr xrefs, %d with a statement holding the marker"
                        + " = %.4f; %d xrefs pointing at no reference; %d markers reported unlinked by the extractor;"
                        + " %d statements%n",
                files, xrefs, found, recall, unlinkedXrefs, reportedUnlinked, statements);
        misses.forEach((category, examples) -> {
            System.out.println("  miss: " + category + ": " + examples.size());
            examples.stream().limit(8).forEach(e -> System.out.println("      " + e));
        });
        Figures figures = Figures.of("extraction");
        assertEquals(figures.count("corpus.articles"), files, "articles in the bundled corpus");
        assertTrue(withoutOwnMarker.isEmpty(), "statements whose sentence lacks their marker: " + withoutOwnMarker);
        figures.atLeast("recall", recall, found + " of " + xrefs + " xrefs");
    }

    private static void miss(Map<String, List<String>> misses, String category, Path file, XrefScan.Xref x) {
        misses.computeIfAbsent(category, k -> new ArrayList<>())
                .add(file.getParent().getFileName() + "/" + file.getFileName() + " " + x.rids() + " '" + x.text()
                        + "'");
    }

    static List<Path> corpusFiles() throws IOException {
        try (Stream<Path> s = Files.walk(RepositoryFiles.corpus())) {
            return s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }
}
