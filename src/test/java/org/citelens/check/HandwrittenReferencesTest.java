package org.citelens.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.citelens.Figures;
import org.citelens.api.CorpusIndex;
import org.citelens.model.Reference;
import org.citelens.parse.PlainReferenceParser;
import org.citelens.resolve.PersistentWorksRegistry;
import org.citelens.resolve.ReferenceMatch;
import org.citelens.resolve.WorksRegistries;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.Test;

/**
 * The plain-text reference parser and the works matcher together, on references typed by hand in mixed styles
 * from the reference lists of five articles of the test index (corpus/reference-check/README.md): how many resolve
 * to the DOI the article's own reference list gives, and how many to another DOI. Figures quoted in
 * docs/reference-check.md (figures/reference-check.properties).
 */
class HandwrittenReferencesTest {
    record Row(String expected, String from, String style, String text) {}

    static List<Row> rows() throws IOException {
        Path file = RepositoryFiles.dataRoot().resolve("reference-check/handwritten-references.tsv");
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
            if (line.isBlank()) continue;
            String[] f = line.split("\t", 4);
            rows.add(new Row(f[0].toLowerCase(java.util.Locale.ROOT), f[1], f[2], f[3]));
        }
        return rows;
    }

    @Test
    void handwrittenReferencesResolveToTheWorksTheirArticlesCite() throws IOException {
        Figures figures = Figures.of("reference-check");
        List<Row> rows = rows();
        PlainReferenceParser parser = new PlainReferenceParser();
        int right = 0;
        int wrong = 0;
        int withoutDoi = 0;
        int rightWithoutDoi = 0;
        int unknown = 0;
        int unknownLeftUnresolved = 0;
        List<String> misses = new ArrayList<>();
        try (PersistentWorksRegistry works = WorksRegistries.openReadOnly(CorpusIndex.index())) {
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                Reference ref = parser.parse(row.text(), "r" + (i + 1));
                ReferenceMatch m = works.match(ref);
                boolean hasDoi = ref.doi() != null;
                String got = m.resolved() ? m.work().doi() : null;
                if (works.work(row.expected()).isEmpty()) {
                    // the test index does not know this work: the only right answer is "unresolved"
                    unknown++;
                    if (got == null) unknownLeftUnresolved++;
                    else {
                        wrong++;
                        misses.add(row.from() + " not in the index, yet resolved to " + got);
                    }
                    continue;
                }
                if (!hasDoi) withoutDoi++;
                if (row.expected().equals(got)) {
                    right++;
                    if (!hasDoi) rightWithoutDoi++;
                } else {
                    if (got != null) wrong++;
                    misses.add(String.format(
                            "%s %s got=%s conf=%.2f route=%s | title=%s | author=%s | year=%s | journal=%s",
                            row.from(), row.style(), got, m.confidence(), m.route(), ref.title(),
                            ref.firstAuthor() == null ? null : ref.firstAuthor().surname(), ref.year(),
                            ref.source()));
                }
            }
        }
        misses.forEach(System.out::println);
        System.out.printf(
                "handwritten references: %d; of the %d whose work is in the index, right %d (without a DOI in the"
                        + " text %d, right %d); of the %d not in it, left unresolved %d; wrong DOI %d%n",
                rows.size(), rows.size() - unknown, right, withoutDoi, rightWithoutDoi, unknown,
                unknownLeftUnresolved, wrong);
        assertEquals(figures.count("references"), rows.size());
        assertEquals(figures.count("not_in_index"), unknown);
        assertEquals(unknown, unknownLeftUnresolved, misses.toString());
        assertEquals(figures.count("without_doi"), withoutDoi);
        assertTrue(right >= figures.count("right.min"), right + " right: " + misses);
        assertTrue(rightWithoutDoi >= figures.count("right_without_doi.min"), rightWithoutDoi + " right");
        assertTrue(wrong <= figures.count("wrong.max"), wrong + " wrong: " + misses);
    }
}
