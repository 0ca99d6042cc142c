package org.citelens.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.citelens.Figures;
import org.citelens.model.Article;
import org.citelens.model.CitationMention;
import org.citelens.model.Paragraph;
import org.citelens.model.Section;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTML parser against counts a person made by reading ten publisher pages (html-handcount.tsv), not against
 * anything derived from the page markup. Only totals were counted by hand, so precision is estimated as
 * min(found, hand) / found: an upper bound that a one-to-one alignment could only lower. The id-level alignment
 * against the anchor script lives in HtmlParserCorpusTest.
 */
class HtmlHandCountTest {

    record HandCount(String file, String publisher, int references, int markers, int cited, int captionCited) {
        @Override
        public String toString() {
            return file;
        }
    }

    static List<HandCount> counts() throws IOException {
        List<HandCount> rows = new ArrayList<>();
        try (InputStream in = HtmlHandCountTest.class.getResourceAsStream("/html-handcount.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                rows.add(new HandCount(
                        f[0],
                        f[1],
                        Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]),
                        Integer.parseInt(f[4]),
                        Integer.parseInt(f[5])));
            }
        }
        return rows;
    }

    static Stream<HandCount> pages() throws IOException {
        return counts().stream();
    }

    /** Cited references summed over every marker the parser found in the body, the abstract left out as by hand. */
    static int citedOutsideAbstract(Article a) {
        int n = 0;
        for (Section s : a.sections()) {
            if (s.heading().toLowerCase(Locale.ROOT).contains("abstract")) continue;
            for (Paragraph p : s.paragraphs()) {
                for (CitationMention m : p.citations()) n += m.refIds().size();
            }
        }
        return n;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void findsTheReferencesAndCitationsAReaderCounts(HandCount h) throws Exception {
        byte[] page = Files.readAllBytes(RepositoryFiles.publisherHtml().resolve(h.file()));
        Article a = new ArticleParsers().parse(page, h.file());
        int found = citedOutsideAbstract(a);
        int agreed = Math.min(found, h.cited());
        double recall = (double) agreed / h.cited();
        double precision = found == 0 ? 1.0 : (double) agreed / found;
        System.out.printf(
                Locale.ROOT,
                "%s\t%s\trefs %d/%d\tmarkers %d\tcited hand %d parsed %d\tR=%.3f P=%.3f%n",
                h.file(),
                h.publisher(),
                h.references(),
                a.references().size(),
                h.markers(),
                h.cited(),
                found,
                recall,
                precision);
        // A reference list is either read whole or not: every entry a reader sees must be there, no more.
        assertEquals(h.references(), a.references().size(), "references of " + h.file());
        Figures figures = Figures.of("html");
        figures.atLeast("handcount.recall", recall, h.file() + " (" + found + " of " + h.cited() + ")");
        figures.atLeast("handcount.precision", precision, h.file() + " (" + found + " vs " + h.cited() + ")");
    }

    @Test
    void theHandCountsCoverTenPagesOfDifferentPublishers() throws IOException {
        List<HandCount> rows = counts();
        assertTrue(rows.size() >= 10, "pages counted by hand: " + rows.size());
        assertEquals(
                rows.size(), rows.stream().map(HandCount::publisher).distinct().count(), "one page per publisher");
        for (HandCount h : rows) {
            assertTrue(h.markers() <= h.cited(), h.file() + ": a marker cites at least one reference");
            assertTrue(h.captionCited() <= h.cited(), h.file());
        }
    }
}
