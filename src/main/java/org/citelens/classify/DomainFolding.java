package org.citelens.classify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds a model trained with per-dataset feature copies into a plain model for the default domain: the weight of
 * "clinical|u:agree" is added to that of "u:agree" and every prefixed copy is dropped. For a statement of the default
 * domain the decision values are exactly those of the unfolded model, with half the features to look up; statements
 * of any other origin are scored the same way, which is what the shipped model does to them anyway. Each folded
 * feature remembers how many columns it stood for, so the unit-length scaling stays that of training.
 */
final class DomainFolding {
    private DomainFolding() {}

    static ClassifierModel fold(
            String[] names,
            float[] weights,
            double[] bias,
            TrainingOptions options,
            Calibrator calibrator,
            DecisionRule rule,
            String description) {
        String prefix = options.defaultDomain() + "|";
        Map<String, float[]> plain = new LinkedHashMap<>();
        Map<String, Integer> copies = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            int bar = name.indexOf('|');
            String key;
            if (bar < 0) key = name;
            else if (name.startsWith(prefix)) key = name.substring(prefix.length());
            else continue;
            copies.merge(key, 1, Integer::sum);
            float[] w = plain.computeIfAbsent(key, k -> new float[Labels.COUNT]);
            for (int c = 0; c < Labels.COUNT; c++) w[c] += weights[i * Labels.COUNT + c];
        }
        String[] outNames = plain.keySet().toArray(String[]::new);
        float[] outWeights = new float[outNames.length * Labels.COUNT];
        byte[] multiplicity = new byte[outNames.length];
        for (int i = 0; i < outNames.length; i++) {
            System.arraycopy(plain.get(outNames[i]), 0, outWeights, i * Labels.COUNT, Labels.COUNT);
            multiplicity[i] = (byte) (int) copies.get(outNames[i]);
        }
        return new ClassifierModel(
                outNames,
                outWeights,
                multiplicity,
                bias,
                options.normalize(),
                List.of(),
                "",
                calibrator,
                rule,
                description,
                options.features());
    }
}
