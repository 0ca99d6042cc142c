package org.citelens.resolve;

import java.util.List;
import org.citelens.Figures;
import org.junit.jupiter.api.Test;

/** The figures of docs/quality.md "Reference resolution", enforced from figures/resolution.properties. */
class LeaveOneOutEvaluationTest {
    @Test
    void resolvesHiddenDoisWithHighPrecisionAndRecall() throws Exception {
        List<LeaveOneOutEvaluation.Trial> trials =
                LeaveOneOutEvaluation.run(List.copyOf(CorpusArticles.parseAll().values()));
        LeaveOneOutEvaluation.Point p = LeaveOneOutEvaluation.at(trials, WorkMatcher.DEFAULT_THRESHOLD);
        String report = p + " " + LeaveOneOutEvaluation.errorCategories(trials, WorkMatcher.DEFAULT_THRESHOLD);
        Figures figures = Figures.of("resolution");
        figures.atLeast("leave_one_out.trials", trials.size(), report);
        figures.atLeast("leave_one_out.precision", p.precision(), report);
        figures.atLeast("leave_one_out.recall", p.recall(), report);
    }
}
