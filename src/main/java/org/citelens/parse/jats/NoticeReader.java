package org.citelens.parse.jats;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.citelens.model.ArticleMetadata;
import org.citelens.model.Doi;
import org.citelens.model.EditorialNotice;
import org.citelens.model.NoticeType;
import org.jsoup.nodes.Element;

/**
 * Reads the notices a JATS article publishes: an {@code article-type} of {@code retraction}, {@code correction}
 * (or {@code erratum}) or {@code expression-of-concern}, about the works its {@code related-article} elements
 * link to by DOI. A notice article with no DOI link to what it concerns yields nothing: a notice about an unknown
 * work cannot be shown anywhere.
 */
final class NoticeReader {
    /** The related-article types JATS 1.3 and the PMC tagging guidelines use for the work a notice concerns. */
    private static final Set<String> CONCERNED = Set.of(
            "retracted-article",
            "corrected-article",
            "object-of-concern",
            "concerns",
            "expression-of-concern-for",
            "retraction-forward",
            "correction-forward");

    List<EditorialNotice> read(Element article, ArticleMetadata metadata) {
        NoticeType type = type(article.attr("article-type"));
        if (type == null) return List.of();
        Set<String> targets = new LinkedHashSet<>();
        Set<String> anyLinked = new LinkedHashSet<>();
        for (Element related : Dom.all(article, "related-article")) {
            String doi = relatedDoi(related);
            if (doi == null || doi.equals(metadata.doi())) continue;
            anyLinked.add(doi);
            if (CONCERNED.contains(related.attr("related-article-type").toLowerCase(Locale.ROOT))) targets.add(doi);
        }
        // publishers that leave related-article-type out still link only the work the notice is about
        if (targets.isEmpty() && anyLinked.size() == 1) targets.addAll(anyLinked);
        LocalDate date = date(article);
        String nature = article.attr("article-type").strip().toLowerCase(Locale.ROOT);
        List<EditorialNotice> out = new ArrayList<>(targets.size());
        for (String doi : targets) {
            out.add(new EditorialNotice(doi, type, date, metadata.doi(), nature, null, metadata.source()));
        }
        return out;
    }

    static NoticeType type(String articleType) {
        return switch (articleType.strip().toLowerCase(Locale.ROOT)) {
            case "retraction" -> NoticeType.RETRACTION;
            case "correction", "erratum", "corrigendum" -> NoticeType.CORRECTION;
            case "expression-of-concern" -> NoticeType.CONCERN;
            default -> null;
        };
    }

    /** {@code xlink:href} with a DOI, or a DOI in the element's text (some publishers write it there). */
    private static String relatedDoi(Element related) {
        for (String candidate : new String[] {related.attr("xlink:href"), related.attr("href"), related.text()}) {
            var doi = Doi.normalize(candidate);
            if (doi.isPresent()) return doi.get();
        }
        return null;
    }

    /** The electronic publication date when given in full, else the first full pub-date, else the year alone. */
    private static LocalDate date(Element article) {
        Element meta = Dom.child(Dom.child(article, "front"), "article-meta");
        LocalDate best = null;
        for (Element d : Dom.children(meta, "pub-date")) {
            LocalDate parsed = parse(d);
            if (parsed == null) continue;
            String type = d.hasAttr("pub-type") ? d.attr("pub-type") : d.attr("date-type");
            if (type.equals("epub") || d.attr("publication-format").equals("electronic")) return parsed;
            if (best == null) best = parsed;
        }
        return best;
    }

    private static LocalDate parse(Element date) {
        String y = JatsText.ofFirst(date, "year");
        if (y == null) return null;
        String m = JatsText.ofFirst(date, "month");
        String d = JatsText.ofFirst(date, "day");
        try {
            return LocalDate.of(
                    Integer.parseInt(y.strip()),
                    m == null ? 1 : Integer.parseInt(m.strip()),
                    d == null ? 1 : Integer.parseInt(d.strip()));
        } catch (NumberFormatException | DateTimeException e) {
            // a month name, an impossible day: no date rather than a wrong one
            return null;
        }
    }
}
