package org.citelens.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.citelens.feedback.FeedbackLog;
import org.citelens.index.StatementStore;
import org.citelens.index.Tallies;
import org.citelens.model.CitationStatement;
import org.citelens.model.EditorialNotice;
import org.citelens.model.Label;
import org.citelens.notice.NoticeBook;
import org.citelens.notice.NoticeJson;

/**
 * What one request sees beside the statement index: the notices and the curators' labels at that moment. Reviewed
 * labels and notices live outside the index (re-ingests and relabels rewrite it), so they are laid over its
 * answers here: a statement shows its reviewed label with {@code labelSource: "reviewed"}, tallies count it, and
 * works and statements carry their notices.
 */
final class Overlay {
    private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() {};

    private final NoticeBook notices;
    private final FeedbackLog feedback;
    private final Map<String, Label> reviewed;
    private final ObjectMapper json;

    private Overlay(NoticeBook notices, FeedbackLog feedback, ObjectMapper json) {
        this.notices = notices;
        this.feedback = feedback;
        this.reviewed = feedback == null ? Map.of() : feedback.reviewedLabels();
        this.json = json;
    }

    static Overlay now(Curation c, ObjectMapper json) throws IOException {
        return new Overlay(c.notices() == null ? NoticeBook.EMPTY : c.notices().current(), c.feedback(), json);
    }

    NoticeBook notices() {
        return notices;
    }

    Map<String, Label> reviewed() {
        return reviewed;
    }

    /** Changes whenever an answer built on this overlay and the store could: for caches and ETags. */
    long version(StatementStore store) throws IOException {
        long v = store.version() * 1_000_003L + notices.version() * 31L;
        return feedback == null ? v : v + feedback.version();
    }

    List<Map<String, Object>> noticesOf(String doi) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (EditorialNotice n : notices.notices(doi)) out.add(NoticeJson.forApi(n));
        return out;
    }

    /** The tallies with reviewed labels counted instead of the model's, and the work's notices. */
    Map<String, Object> tallies(Tallies t, StatementStore store) throws IOException {
        long[] counts = {t.supporting(), t.contrasting(), t.mentioning(), t.unclassified()};
        if (feedback != null) {
            for (String id : feedback.reviewedCiting(t.doi())) {
                Optional<CitationStatement> s = store.statement(id);
                Label now = reviewed.get(id);
                if (s.isEmpty() || now == null || !t.doi().equals(s.get().cited().doi())) continue;
                Label was = s.get().label() == null ? Label.UNCLASSIFIED : s.get().label();
                counts[was.ordinal()]--;
                counts[now.ordinal()]++;
            }
        }
        // every field of the store's tallies as they serialise (a harvest's coverage among them), then the notices
        Map<String, Object> m = json.convertValue(
                t.withCounts(
                        counts[Label.SUPPORTING.ordinal()],
                        counts[Label.CONTRASTING.ordinal()],
                        counts[Label.MENTIONING.ordinal()],
                        counts[Label.UNCLASSIFIED.ordinal()]),
                FIELDS);
        m.put("notices", noticesOf(t.doi()));
        return m;
    }

    /**
     * Adds to a statement item: the reviewed label over the model's ({@code label}, {@code labelSource},
     * {@code modelLabel}), readers' {@code suggestions} per label, and whether the cited work is retracted
     * ({@code citedRetracted}) and was cited before or after ({@code citesRetracted}).
     */
    void annotate(Map<String, Object> item, CitationStatement s) {
        Label model = s.label() == null ? Label.UNCLASSIFIED : s.label();
        Label review = reviewed.get(s.id());
        item.put("label", (review != null ? review : model).wireName());
        item.put("labelSource", review != null ? "reviewed" : "model");
        item.put("modelLabel", model.wireName());
        Map<String, Integer> suggestions = new LinkedHashMap<>();
        if (feedback != null) {
            Map<Label, Integer> counts = feedback.suggestionCounts(s.id());
            for (Label l : Label.values()) {
                if (counts.containsKey(l)) suggestions.put(l.wireName(), counts.get(l));
            }
        }
        item.put("suggestions", suggestions);
        String cited = s.cited() == null ? null : s.cited().doi();
        item.put("citedRetracted", notices.isRetracted(cited));
        item.put("citesRetracted", notices.citesRetracted(cited, s.citing().year()));
    }
}
