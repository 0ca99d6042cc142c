package org.citelens.resolve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures of docs/quality.md "Reference resolution", enforced. */
class LeaveOneOutEvaluationTest {
    @Test
    void resolvesHiddenDoisWithHighPrecisionAndRecall() throws Exception {
        List<LeaveOneOutEvaluation.Trial> trials =
                LeaveOneOutEvaluation.run(List.copyOf(CorpusArticles.parseAll().values()));
        LeaveOneOutEvaluation.Point p = LeaveOneOutEvaluation.at(trials, WorkMatcher.DEFAULT_THRESHOLD);
        String report = p + " " + LeaveOneOutEvaluation.errorCategories(trials, WorkMatcher.DEFAULT_THRESHOLD);
        assertTrue(trials.size() > 3000, "eligible references: " + report);
        assertTrue(p.precision() >= 0.99, "precision: " + report);
        assertTrue(p.recall() >= 0.90, "recall: " + report);
    }
}
