package org.citelens.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * clinical_fold.py, which sets up one fold of the transformer's clinical cross-validation: its fold 0 holds out
 * exactly the papers Java's DevSplit holds out for the shipped model, and its five folds hold out every clinical paper
 * once, whole papers only.
 */
class ClinicalFoldScriptTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(120)
    void foldZeroIsTheShippedSplitAndTheFiveFoldsHoldOutEachPaperOnce() throws Exception {
        Path clinical = RepositoryFiles.dataset("clinical.tsv");
        List<LabelledStatement> all = LabelledData.read(clinical);
        Map<String, Integer> heldOutBy = new HashMap<>();
        for (int fold = 0; fold < 5; fold++) {
            Path out = tmp.resolve("fold" + fold + ".tsv");
            run("tsv", "--fold", Integer.toString(fold), clinical.toString(), out.toString());
            List<LabelledStatement> rows = LabelledData.read(out);
            assertEquals(all.size(), rows.size(), "every row is kept");
            Set<String> trainPapers = new HashSet<>();
            Set<String> devPapers = new HashSet<>();
            for (LabelledStatement r : rows) (r.split().equals("dev") ? devPapers : trainPapers).add(r.citingPaper());
            assertTrue(devPapers.size() > 20, "fold " + fold + " holds out " + devPapers.size() + " papers");
            devPapers.forEach(p -> assertTrue(!trainPapers.contains(p), "paper " + p + " is on both sides"));
            for (String p : devPapers) {
                Integer before = heldOutBy.put(p, fold);
                assertEquals(null, before, "paper " + p + " held out by folds " + before + " and " + fold);
            }
            if (fold == 0) {
                for (LabelledStatement r : rows) {
                    assertEquals(DevSplit.isDevPaper(r.citingPaper()), r.split().equals("dev"), r.id());
                }
            }
        }
        Set<String> papers = new HashSet<>();
        all.forEach(r -> papers.add(r.citingPaper()));
        assertEquals(papers, heldOutBy.keySet(), "every clinical paper is held out by one fold");
    }

    @Test
    @Timeout(60)
    void aFoldOutsideZeroToFourIsAUsageError() throws Exception {
        TrainerScript run = TrainerScript.run(
                "clinical_fold.py", tmp.resolve("log"), 60, List.of("tsv", "--fold", "5", "in.tsv", "out.tsv"));
        assertEquals(2, run.exitValue());
        assertTrue(run.output().contains("--fold takes 0 to 4"), run.output());
    }

    private void run(String... args) throws Exception {
        TrainerScript run = TrainerScript.run("clinical_fold.py", tmp.resolve("log"), 60, List.of(args));
        assertEquals(0, run.exitValue(), run.output());
    }
}
