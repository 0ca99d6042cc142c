package org.citelens.feedback;

import java.io.IOException;
import java.io.Writer;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.citelens.index.StatementStore;
import org.citelens.model.CitationStatement;
import org.citelens.model.Label;

/**
 * Writes feedback as training data, in the TSV that {@code train --data} and {@code evaluate --data} read
 * ({@code id, citing_paper, section, target_marker, before, text, after, label} and, for people, {@code label_source,
 * suggestions, cited_doi}). A statement with a reviewed label gives one row with that label; otherwise one row
 * with the label readers suggested most, when one label leads (a tie teaches nothing). Statements the index no
 * longer holds are left out and counted.
 */
public final class FeedbackExport {
    static final List<String> COLUMNS = List.of(
            "id",
            "citing_paper",
            "section",
            "target_marker",
            "before",
            "text",
            "after",
            "label",
            "label_source",
            "suggestions",
            "cited_doi");

    /** What an export wrote. */
    public record Summary(int reviewed, int suggested, int ties, int missing) {}

    private FeedbackExport() {}

    public static Summary write(FeedbackLog log, StatementStore store, Writer out) throws IOException {
        Map<String, Label> reviewed = log.reviewedLabels();
        Map<String, EnumMap<Label, Integer>> suggested = new LinkedHashMap<>();
        for (LabelFeedback f : log.suggestions()) {
            suggested.computeIfAbsent(f.statementId(), id -> new EnumMap<>(Label.class)).merge(f.label(), 1, Integer::sum);
        }
        out.write(String.join("\t", COLUMNS) + "\n");
        int nReviewed = 0;
        int nSuggested = 0;
        int ties = 0;
        int missing = 0;
        Map<String, Boolean> ids = new LinkedHashMap<>();
        reviewed.keySet().stream().sorted().forEach(id -> ids.put(id, true));
        suggested.keySet().forEach(id -> ids.putIfAbsent(id, false));
        for (var e : ids.entrySet()) {
            String id = e.getKey();
            EnumMap<Label, Integer> votes = suggested.getOrDefault(id, new EnumMap<>(Label.class));
            Label label;
            String source;
            if (e.getValue()) {
                label = reviewed.get(id);
                source = "reviewed";
            } else {
                label = leader(votes);
                source = "suggested";
                if (label == null) {
                    ties++;
                    continue;
                }
            }
            Optional<CitationStatement> s = store.statement(id);
            if (s.isEmpty()) {
                missing++;
                continue;
            }
            row(out, s.get(), label, source, votes);
            if (e.getValue()) nReviewed++;
            else nSuggested++;
        }
        out.flush();
        return new Summary(nReviewed, nSuggested, ties, missing);
    }

    /** The label with the most votes, or null when two share the lead. */
    static Label leader(Map<Label, Integer> votes) {
        Label best = null;
        int bestCount = 0;
        boolean tie = false;
        for (var v : votes.entrySet()) {
            if (v.getValue() > bestCount) {
                best = v.getKey();
                bestCount = v.getValue();
                tie = false;
            } else if (v.getValue() == bestCount) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    private static void row(Writer out, CitationStatement s, Label label, String source, Map<Label, Integer> votes)
            throws IOException {
        StringBuilder counts = new StringBuilder();
        votes.forEach((l, n) -> counts.append(counts.isEmpty() ? "" : ",").append(l.wireName()).append('=').append(n));
        List<String> cells = List.of(
                s.id(),
                s.citing().articleId(),
                s.section() == null ? "" : s.section().wireName(),
                s.marker() == null ? "" : s.marker(),
                s.before(),
                s.sentence() == null ? "" : s.sentence(),
                s.after(),
                label.wireName(),
                source,
                counts.toString(),
                s.cited() == null || s.cited().doi() == null ? "" : s.cited().doi());
        StringBuilder line = new StringBuilder();
        for (String c : cells) {
            if (!line.isEmpty()) line.append('\t');
            // a tab or line break inside a cell would shift every column after it
            line.append(c.replaceAll("[\\t\\r\\n]+", " "));
        }
        out.write(line.append('\n').toString());
    }
}
