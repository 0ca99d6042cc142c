package org.citelens.parse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.citelens.model.Article;
import org.citelens.model.CitationMention;
import org.citelens.model.Paragraph;
import org.citelens.model.Section;

/** Precision and recall of cited reference ids found by the parser against an independently counted list. */
record HtmlCitationCounts(int truePositives, int found, int expected) {

    static HtmlCitationCounts compare(Article article, List<String> expectedIds) {
        Map<String, Integer> expected = new HashMap<>();
        for (String id : expectedIds) expected.merge(id, 1, Integer::sum);
        Map<String, Integer> found = new HashMap<>();
        int total = 0;
        for (Section s : article.sections()) {
            for (Paragraph p : s.paragraphs()) {
                for (CitationMention m : p.citations()) {
                    for (String id : m.refIds()) {
                        found.merge(id, 1, Integer::sum);
                        total++;
                    }
                }
            }
        }
        int tp = 0;
        for (var e : found.entrySet()) tp += Math.min(e.getValue(), expected.getOrDefault(e.getKey(), 0));
        return new HtmlCitationCounts(tp, total, expectedIds.size());
    }

    double precision() {
        return found == 0 ? 1.0 : (double) truePositives / found;
    }

    double recall() {
        return expected == 0 ? 1.0 : (double) truePositives / expected;
    }
}
