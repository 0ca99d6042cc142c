package org.citelens.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.citelens.classify.LabelledStatement;
import org.citelens.classify.Prediction;
import org.citelens.model.Label;

/** The model's mistakes on labelled rows, most confident first, for the model card's error analysis. */
final class Misclassified {
    private Misclassified() {}

    static String list(List<LabelledStatement> rows, List<Prediction> predictions, int limit) {
        record Miss(LabelledStatement row, Prediction p) {}
        List<Miss> misses = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Prediction p = predictions.get(i);
            if (p.label() != rows.get(i).label()) misses.add(new Miss(rows.get(i), p));
        }
        // Half wrong rare labels (the costly mistakes), half missed rare labels; within each, most confident first.
        Comparator<Miss> order = Comparator.<Miss>comparingDouble(m -> -m.p().confidence())
                .thenComparing(m -> m.row().id());
        List<Miss> wrongRare = misses.stream()
                .filter(m -> m.p().label() != Label.MENTIONING)
                .sorted(order)
                .toList();
        List<Miss> missedRare = misses.stream()
                .filter(m -> m.p().label() == Label.MENTIONING)
                .sorted(order)
                .toList();
        List<Miss> shown = new ArrayList<>(wrongRare.subList(0, Math.min(wrongRare.size(), (limit + 1) / 2)));
        shown.addAll(missedRare.subList(0, Math.min(missedRare.size(), limit - shown.size())));
        StringBuilder s = new StringBuilder(String.format(
                Locale.ROOT,
                "misclassified: %d of %d rows (%d given a wrong rare label, %d rare labels missed); %d shown:%n",
                misses.size(),
                rows.size(),
                wrongRare.size(),
                missedRare.size(),
                shown.size()));
        for (Miss m : shown) {
            s.append(String.format(
                    Locale.ROOT,
                    "- %s gold %s, predicted %s (%.2f; s %.2f c %.2f m %.2f), target %s: %s%n",
                    m.row().id(),
                    m.row().label().wireName(),
                    m.p().label().wireName(),
                    m.p().confidence(),
                    m.p().scores().getOrDefault(Label.SUPPORTING, 0.0),
                    m.p().scores().getOrDefault(Label.CONTRASTING, 0.0),
                    m.p().scores().getOrDefault(Label.MENTIONING, 0.0),
                    m.row().input().targetMarker(),
                    m.row().input().sentence()));
        }
        return s.toString();
    }
}
