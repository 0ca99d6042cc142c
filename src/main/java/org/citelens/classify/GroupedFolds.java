package org.citelens.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Cross-validation folds grouped by citing paper: every row of a paper lands in the same fold, so a model is never
 * tested on a paper it was trained on. Papers are shuffled with the seed and dealt, largest first, to the fold
 * with the fewest rows, so folds are of similar size.
 */
public final class GroupedFolds {
    private GroupedFolds() {}

    /** The fold of each row, in row order. */
    public static int[] assign(List<String> papers, int folds, long seed) {
        if (folds < 2) throw new IllegalArgumentException("need at least 2 folds, got " + folds);
        Map<String, Integer> sizes = new TreeMap<>();
        for (String p : papers) sizes.merge(p, 1, Integer::sum);
        if (sizes.size() < folds) {
            throw new IllegalArgumentException("only " + sizes.size() + " citing papers for " + folds + " folds");
        }
        List<String> order = new ArrayList<>(sizes.keySet());
        Collections.shuffle(order, new Random(seed));
        // A stable sort keeps the shuffled order among papers of equal size.
        order.sort((a, b) -> Integer.compare(sizes.get(b), sizes.get(a)));
        int[] load = new int[folds];
        Map<String, Integer> foldOf = new LinkedHashMap<>();
        for (String p : order) {
            int best = 0;
            for (int f = 1; f < folds; f++) {
                if (load[f] < load[best]) best = f;
            }
            foldOf.put(p, best);
            load[best] += sizes.get(p);
        }
        int[] out = new int[papers.size()];
        for (int i = 0; i < out.length; i++) out[i] = foldOf.get(papers.get(i));
        return out;
    }
}
