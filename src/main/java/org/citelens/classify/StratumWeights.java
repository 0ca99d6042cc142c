package org.citelens.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sampling weights of an enriched annotation sample: each row stands for {@code stratum_size / rows sampled from its
 * stratum} statements of the corpus. With them, precision is re-weighted to the corpus's natural mix of statements,
 * which is the precision a reader of the index sees (corpus/annotations/README.md).
 */
public final class StratumWeights {
    private final Map<String, Double> byId;

    private StratumWeights(Map<String, Double> byId) {
        this.byId = byId;
    }

    /** Weights of a TSV with {@code id}, {@code stratum} and {@code stratum_size} columns; empty when it has none. */
    public static StratumWeights read(Path tsv) throws IOException {
        Map<String, Double> weights = new HashMap<>();
        if (!tsv.toString().endsWith(".tsv")) return new StratumWeights(weights);
        try (BufferedReader r = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
            List<String> header = List.of(r.readLine().split("\t", -1));
            int id = header.indexOf("id");
            int stratum = header.indexOf("stratum");
            int size = header.indexOf("stratum_size");
            if (id < 0 || stratum < 0 || size < 0) return new StratumWeights(weights);
            Map<String, String> strata = new HashMap<>();
            Map<String, Integer> sizes = new HashMap<>();
            Map<String, Integer> sampled = new HashMap<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) continue;
                String[] f = line.split("\t", -1);
                strata.put(f[id], f[stratum]);
                sizes.put(f[stratum], Integer.parseInt(f[size]));
                sampled.merge(f[stratum], 1, Integer::sum);
            }
            strata.forEach((row, s) -> weights.put(row, sizes.get(s) / (double) sampled.get(s)));
        }
        return new StratumWeights(weights);
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** Precision of each label re-weighted to the corpus's mix ({@link Labels} order); NaN where nothing was predicted. */
    public double[] precision(List<LabelledStatement> rows, int[] predicted) {
        double[] right = new double[Labels.COUNT];
        double[] all = new double[Labels.COUNT];
        for (int i = 0; i < rows.size(); i++) {
            Double w = byId.get(rows.get(i).id());
            if (w == null) continue;
            all[predicted[i]] += w;
            if (Labels.index(rows.get(i).label()) == predicted[i]) right[predicted[i]] += w;
        }
        double[] p = new double[Labels.COUNT];
        for (int c = 0; c < p.length; c++) p[c] = all[c] == 0 ? Double.NaN : right[c] / all[c];
        return p;
    }
}
