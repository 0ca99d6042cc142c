package org.citelens.resolve;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.citelens.model.Article;
import org.citelens.model.Doi;
import org.citelens.model.Reference;

/**
 * Measures the resolver without a DOI to lean on. For every reference whose DOI also appears elsewhere in the
 * articles (another reference or an article's own metadata), the reference's DOI, PMID, PMCID and any DOI or URL
 * in its raw text are hidden, and it is resolved against the registry of everything else (its own spelling is
 * hidden too). The outcome per reference, with the best candidate's score, gives precision and recall at every
 * threshold in one pass.
 */
public final class LeaveOneOutEvaluation {
    private static final Pattern IDENTIFIERS = Pattern.compile(
            "(?i)(https?://\\S+|doi:?\\s*10\\.\\S+|10\\.\\d{4,9}/\\S+|pmid:?\\s*\\d+|pmcid:?\\s*pmc\\d+)");

    /** One held-out reference: the DOI it had, what the resolver chose, and how. */
    public record Trial(
            String citing,
            String refId,
            String hiddenDoi,
            String route,
            String bestDoi,
            double bestScore,
            String title) {
        boolean exact() {
            return "KEY_DOI".equals(route);
        }

        /** Whether the resolver would link this reference to a DOI at {@code threshold}. */
        public boolean predicted(double threshold) {
            return bestDoi != null && (exact() || bestScore >= threshold);
        }

        public boolean correct(double threshold) {
            return predicted(threshold) && bestDoi.equals(hiddenDoi);
        }
    }

    /** Precision and recall at one threshold. */
    public record Point(double threshold, int eligible, int predicted, int correct) {
        public double precision() {
            return predicted == 0 ? 1 : correct / (double) predicted;
        }

        public double recall() {
            return eligible == 0 ? 0 : correct / (double) eligible;
        }
    }

    private LeaveOneOutEvaluation() {}

    /** Runs every trial over the articles. */
    public static List<Trial> run(List<Article> articles) throws IOException {
        Map<String, Integer> occurrences = new HashMap<>();
        for (Article a : articles) {
            Doi.normalize(a.metadata().doi()).ifPresent(d -> occurrences.merge(d, 1, Integer::sum));
            for (Reference r : a.references()) {
                String d = ReferenceIdentifiers.doi(r);
                if (d != null) occurrences.merge(d, 1, Integer::sum);
            }
        }
        List<Trial> trials = new ArrayList<>();
        try (PersistentWorksRegistry registry = PersistentWorksRegistry.inMemory()) {
            for (Article a : articles) registry.register(a);
            for (Article a : articles) {
                for (Reference r : a.references()) {
                    String doi = ReferenceIdentifiers.doi(r);
                    if (doi == null || occurrences.get(doi) < 2) continue;
                    WorkVariant registered = WorkVariant.of(r);
                    WorkVariant hidden = WorkVariant.of(hideIdentifiers(r));
                    WorkMatcher.Exclusion exclusion = new WorkMatcher.Exclusion(
                            "doi:" + doi, registered.signature(), WorkKey.of(registered), doi);
                    WorkMatcher.Resolution res = registry.resolveHiding(hidden, exclusion);
                    trials.add(new Trial(
                            a.metadata().articleId(),
                            r.id(),
                            doi,
                            res.route().name(),
                            res.bestDoi(),
                            res.bestScore(),
                            hidden.title()));
                }
            }
        }
        return trials;
    }

    /** The reference as it would read without any identifier. */
    static Reference hideIdentifiers(Reference r) {
        String raw =
                r.rawText() == null ? null : IDENTIFIERS.matcher(r.rawText()).replaceAll(" ");
        return new Reference(
                r.id(), null, null, null, r.title(), r.authors(), r.year(), r.source(), r.volume(), r.pages(), raw);
    }

    public static Point at(List<Trial> trials, double threshold) {
        int predicted = 0;
        int correct = 0;
        for (Trial t : trials) {
            if (t.predicted(threshold)) predicted++;
            if (t.correct(threshold)) correct++;
        }
        return new Point(threshold, trials.size(), predicted, correct);
    }

    /** Why each reference was not linked to its hidden DOI at {@code threshold}, with counts. */
    public static Map<String, Integer> errorCategories(List<Trial> trials, double threshold) {
        Map<String, Integer> out = new java.util.TreeMap<>();
        for (Trial t : trials) {
            if (t.correct(threshold)) continue;
            String category;
            if (t.predicted(threshold) && t.bestScore() >= 0.999 && !t.exact()) {
                category = "wrong DOI: another reference gives the same title, author and year a different DOI";
            } else if (t.predicted(threshold)) {
                category = t.exact()
                        ? "wrong DOI: the same key stands for another DOI"
                        : "wrong DOI: another work scored above the threshold";
            } else if (t.bestDoi() == null) {
                category = "missed: no candidate shares a title word";
            } else if (t.bestDoi().equals(t.hiddenDoi())) {
                category = "missed: right work scored below the threshold";
            } else {
                category = "missed: best candidate is another work, below the threshold";
            }
            out.merge(category, 1, Integer::sum);
        }
        return out;
    }
}
