package org.citelens.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citelens.index.StatementHit;
import org.citelens.model.ArticleMetadata;
import org.citelens.model.Author;
import org.citelens.model.CitationStatement;
import org.citelens.model.CitedWork;

/**
 * The JSON shape of one statement in /api/citations and /api/search: the export line's fields
 * ({@code id, citing, cited, refId, marker, before, sentence, after, section, label, confidence}) plus
 * {@code selfCitation}, what {@link Overlay#annotate} adds ({@code labelSource, modelLabel, suggestions,
 * citedRetracted, citesRetracted}), and for search hits {@code highlighted} and {@code score}. {@code citing} carries the
 * authors ({@code surname}, {@code givenNames}) and {@code citeAs}, the short "Surname et al., year".
 */
final class StatementItems {
    private StatementItems() {}

    static Map<String, Object> item(StatementHit hit, boolean withHighlight, Overlay overlay) {
        CitationStatement s = hit.statement();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("citing", citing(s.citing()));
        m.put("cited", cited(s.cited()));
        m.put("refId", s.refId());
        m.put("marker", s.marker());
        m.put("before", s.before());
        m.put("sentence", s.sentence());
        m.put("after", s.after());
        m.put("section", s.section() == null ? null : s.section().wireName());
        m.put("label", s.label() == null ? null : s.label().wireName());
        m.put("confidence", s.confidence());
        m.put("labelModel", s.labelModel());
        m.put("selfCitation", s.selfCitation());
        overlay.annotate(m, s);
        if (withHighlight) {
            m.put("highlighted", hit.highlighted());
            m.put("score", Float.isFinite(hit.score()) ? hit.score() : null);
        }
        return m;
    }

    static Map<String, Object> citing(ArticleMetadata a) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (a == null) return m;
        m.put("doi", a.doi());
        m.put("pmid", a.pmid());
        m.put("pmcid", a.pmcid());
        m.put("title", a.title());
        m.put("year", a.year());
        m.put("journal", a.journal());
        List<Map<String, String>> authors = new ArrayList<>();
        for (Author au : a.authors()) {
            Map<String, String> name = new LinkedHashMap<>();
            name.put("surname", au.surname());
            name.put("givenNames", au.givenNames());
            authors.add(name);
        }
        m.put("authors", authors);
        m.put("citeAs", citeAs(a));
        return m;
    }

    /** "Fujita et al., 2018", "Fujita & Satoh, 2018" or "Fujita, 2018"; null without a named author. */
    static String citeAs(ArticleMetadata a) {
        List<Author> named =
                a.authors().stream().filter(au -> !au.surname().isEmpty()).toList();
        if (named.isEmpty()) return null;
        String who =
                switch (named.size()) {
                    case 1 -> named.get(0).surname();
                    case 2 -> named.get(0).surname() + " & " + named.get(1).surname();
                    default -> named.get(0).surname() + " et al.";
                };
        return a.year() == null ? who : who + ", " + a.year();
    }

    static Map<String, Object> cited(CitedWork w) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (w == null) return m;
        m.put("workId", w.workId());
        m.put("doi", w.doi());
        m.put("title", w.title());
        m.put("year", w.year());
        m.put("firstAuthor", w.firstAuthor());
        m.put("journal", w.journal());
        return m;
    }
}
