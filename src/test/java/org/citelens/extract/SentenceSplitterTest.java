package org.citelens.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.citelens.model.Article;
import org.citelens.model.CitationMention;
import org.citelens.model.Paragraph;
import org.citelens.parse.JatsParser;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The splitter on real, hand-checked corpus sentences: abbreviations, species, decimals, markers after stops. */
class SentenceSplitterTest {
    private static final SentenceSplitter SPLITTER = new SentenceSplitter();
    private static final Map<String, String> PARAGRAPHS = new HashMap<>();

    static List<TrickySentences> cases() throws Exception {
        return TrickySentences.load();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void splitsAsAReaderDoes(TrickySentences c) throws Exception {
        assertTrue(paragraphText(c.file()).contains(c.text()), "the excerpt is real text of " + c.file());
        assertEquals(c.expected(), sentences(SPLITTER, c));
    }

    @Test
    void atLeastFortyCasesKept() throws Exception {
        assertTrue(cases().size() >= 40, "cases: " + cases().size());
    }

    @Test
    void markersAreNeverSplitAndAMarkerAfterAFullStopEndsItsSentence() {
        String text = "Iron matters in growth as reported.12,13 Next we measured zinc [4]. Then iron.";
        List<CitationMention> markers = List.of(
                new CitationMention(35, 37, "12", List.of("a")),
                new CitationMention(38, 40, "13", List.of("b")),
                new CitationMention(64, 65, "4", List.of("c")));
        List<String> sentences = SPLITTER.split(text, markers).stream()
                .map(s -> text.substring(s.start(), s.end()))
                .toList();
        assertEquals(
                List.of("Iron matters in growth as reported.12,13", "Next we measured zinc [4].", "Then iron."),
                sentences);
    }

    /**
     * The figures behind the choice of proposer (docs/quality.md): boundaries found and wrongly proposed by each
     * mode on the hand-checked cases. The default must get every case right.
     */
    @Test
    void modelPlusRulesBeatsEitherAlone() throws Exception {
        Map<SentenceSplitter.Mode, int[]> scores = new EnumMap<>(SentenceSplitter.Mode.class);
        int expectedBoundaries = 0;
        for (TrickySentences c : cases()) expectedBoundaries += c.boundaries().size();
        for (SentenceSplitter.Mode mode : SentenceSplitter.Mode.values()) {
            SentenceSplitter splitter = new SentenceSplitter(mode);
            int[] s = new int[3]; // cases right, boundaries found, boundaries wrongly added
            for (TrickySentences c : cases()) {
                List<Integer> got = splitter.split(c.text(), c.markers()).stream()
                        .skip(1)
                        .map(SentenceSpan::start)
                        .toList();
                if (got.equals(c.boundaries())) s[0]++;
                for (int b : got) {
                    if (c.boundaries().contains(b)) s[1]++;
                    else s[2]++;
                }
            }
            scores.put(mode, s);
            System.out.printf(
                    "splitter %s: %d/%d cases right, %d/%d boundaries found, %d false boundaries%n",
                    mode, s[0], cases().size(), s[1], expectedBoundaries, s[2]);
        }
        int[] best = scores.get(SentenceSplitter.Mode.MODEL_AND_RULES);
        assertEquals(cases().size(), best[0], "the default splitter gets every hand-checked case right");
    }

    private static List<String> sentences(SentenceSplitter splitter, TrickySentences c) {
        return splitter.split(c.text(), c.markers()).stream()
                .map(s -> c.text().substring(s.start(), s.end()))
                .toList();
    }

    private static synchronized String paragraphText(String file) throws Exception {
        String cached = PARAGRAPHS.get(file);
        if (cached != null) return cached;
        Article a = new JatsParser()
                .parse(Files.readAllBytes(RepositoryFiles.corpus().resolve(file)), file);
        StringBuilder all = new StringBuilder();
        a.sections().forEach(s -> s.paragraphs().stream().map(Paragraph::text).forEach(t -> all.append(t)
                .append('\n')));
        PARAGRAPHS.put(file, all.toString());
        return all.toString();
    }
}
