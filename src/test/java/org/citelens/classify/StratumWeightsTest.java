package org.citelens.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.citelens.model.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Precision in the corpus's natural mix: each read row stands for its stratum's size over the rows read from it. */
class StratumWeightsTest {
    @TempDir
    Path tmp;

    @Test
    void rowsCountForTheStatementsOfTheirStratum() throws Exception {
        // stratum "rare" (10 statements in the corpus, 2 read) and "plain" (1,000 statements, 2 read)
        Path tsv = Files.writeString(
                tmp.resolve("sample.tsv"),
                String.join(
                                "\n",
                                "id\tsplit\tciting_paper\tstratum\tstratum_size",
                                "a\ttest\tx\trare\t10",
                                "b\ttest\tx\trare\t10",
                                "c\ttest\tx\tplain\t1000",
                                "d\ttest\tx\tplain\t1000")
                        + "\n");
        StratumWeights w = StratumWeights.read(tsv);
        List<LabelledStatement> rows = List.of(
                row("a", Label.SUPPORTING),
                row("b", Label.SUPPORTING),
                row("c", Label.MENTIONING),
                row("d", Label.SUPPORTING));
        int[] predicted = {Labels.SUPPORTING, Labels.SUPPORTING, Labels.SUPPORTING, Labels.MENTIONING};
        double[] p = w.precision(rows, predicted);
        // supporting predicted for a, b (weight 5 each, right) and c (weight 500, wrong): 10 / 510
        assertEquals(10.0 / 510.0, p[Labels.SUPPORTING], 1e-12);
        assertTrue(Double.isNaN(p[Labels.CONTRASTING]), "nothing predicted contrasting");
        assertEquals(0.0, p[Labels.MENTIONING], 1e-12);
    }

    @Test
    void theAnnotationsCarryWeightsForEveryRow() throws Exception {
        Path annotations = org.citelens.testdata.RepositoryFiles.dataRoot().resolve("annotations/citelens.tsv");
        StratumWeights w = StratumWeights.read(annotations);
        List<LabelledStatement> rows = LabelledData.read(annotations);
        assertEquals(5048, rows.size());
        int[] allSupporting = new int[rows.size()];
        double[] p = w.precision(rows, allSupporting);
        // calling everything supporting: the weighted share of supporting in the corpus, well under the sample's 21%
        long sampled = rows.stream().filter(r -> r.label() == Label.SUPPORTING).count();
        assertTrue(
                p[Labels.SUPPORTING] > 0.005 && p[Labels.SUPPORTING] < sampled / (double) rows.size(),
                "corpus share of supporting " + p[Labels.SUPPORTING]);
    }

    private static LabelledStatement row(String id, Label label) {
        return new LabelledStatement(id, "sample", "test", "x", new ClassifierInput("", "s", "", "", List.of()), label);
    }
}
