package org.citelens.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The features of every labelled row, extracted once and stored as sorted ids into one table of names, so that
 * cross-validation refits many models without re-extracting or holding millions of strings.
 */
final class FeatureTable {
    private final List<String> names = new ArrayList<>();
    private final List<int[]> rows = new ArrayList<>();
    private final int[] labels;
    private final List<LabelledStatement> statements;

    FeatureTable(List<LabelledStatement> statements, boolean domainFeatures, FeatureOptions features) {
        FeatureExtractor extractor = FeatureExtractor.of(features);
        this.statements = List.copyOf(statements);
        this.labels = new int[statements.size()];
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < statements.size(); i++) {
            LabelledStatement s = statements.get(i);
            List<String> f = extractor.features(s.input(), domainFeatures ? s.dataset() : "");
            int[] r = new int[f.size()];
            for (int k = 0; k < r.length; k++) {
                r[k] = ids.computeIfAbsent(f.get(k), name -> {
                    names.add(name);
                    return names.size() - 1;
                });
            }
            rows.add(Arrays.stream(r).sorted().distinct().toArray());
            labels[i] = Labels.index(s.label());
        }
    }

    int size() {
        return rows.size();
    }

    int[] row(int i) {
        return rows.get(i);
    }

    int label(int i) {
        return labels[i];
    }

    String name(int id) {
        return names.get(id);
    }

    int nameCount() {
        return names.size();
    }

    LabelledStatement statement(int i) {
        return statements.get(i);
    }

    List<String> papers(int[] subset) {
        List<String> p = new ArrayList<>(subset.length);
        for (int i : subset) p.add(statements.get(i).citingPaper());
        return p;
    }
}
