package org.citelens.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.Test;

class GroupedFoldsTest {
    private static final List<LabelledStatement> CLINICAL = LabelledData.read(RepositoryFiles.dataset("clinical.tsv"));

    @Test
    void noPaperStraddlesTwoFolds() {
        List<String> papers =
                CLINICAL.stream().map(LabelledStatement::citingPaper).toList();
        int[] fold = GroupedFolds.assign(papers, 5, 42);
        Map<String, Integer> foldOf = new HashMap<>();
        for (int i = 0; i < fold.length; i++) {
            Integer before = foldOf.putIfAbsent(papers.get(i), fold[i]);
            assertTrue(before == null || before == fold[i], "paper " + papers.get(i) + " is in two folds");
        }
        assertEquals(228, foldOf.size(), "clinical has 228 citing papers");
        int[] sizes = new int[5];
        for (int f : fold) sizes[f]++;
        for (int s : sizes)
            assertTrue(Math.abs(s - papers.size() / 5) < 60, "unbalanced folds: " + java.util.Arrays.toString(sizes));
    }

    @Test
    void sameSeedSameFoldsOtherSeedOtherFolds() {
        List<String> papers =
                CLINICAL.stream().map(LabelledStatement::citingPaper).toList();
        assertArrayEquals(GroupedFolds.assign(papers, 5, 7), GroupedFolds.assign(papers, 5, 7));
        assertTrue(!java.util.Arrays.equals(GroupedFolds.assign(papers, 5, 7), GroupedFolds.assign(papers, 5, 8)));
    }

    @Test
    void ownDevSplitHoldsWholePapers() {
        long devPapers = CLINICAL.stream()
                .filter(LabelledStatement::isDev)
                .map(LabelledStatement::citingPaper)
                .distinct()
                .count();
        long trainPapersAlsoDev = CLINICAL.stream()
                .filter(r -> !r.isDev())
                .filter(r -> DevSplit.isDevPaper(r.citingPaper()))
                .count();
        assertEquals(0, trainPapersAlsoDev);
        assertTrue(devPapers > 25 && devPapers < 70, "about a fifth of 228 papers, got " + devPapers);
    }
}
