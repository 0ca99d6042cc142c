package org.citelens.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
        Process p = start("tsv", "--fold", "5", "in.tsv", tmp.resolve("out.tsv").toString());
        assertEquals(2, p.exitValue());
        assertTrue(Files.readString(tmp.resolve("log")).contains("--fold takes 0 to 4"));
    }

    private void run(String... args) throws Exception {
        Process p = start(args);
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("log")));
    }

    private Process start(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "src/main/python/transformer/clinical_fold.py"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("log").toFile())
                .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "clinical_fold.py finished in time");
        return p;
    }
}
