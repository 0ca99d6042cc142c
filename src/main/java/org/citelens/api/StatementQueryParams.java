package org.citelens.api;

import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.citelens.index.SelfCitationFilter;
import org.citelens.index.StatementQuery;
import org.citelens.index.StatementSort;
import org.citelens.model.Label;
import org.citelens.model.NoticeType;
import org.citelens.model.SectionType;
import org.citelens.notice.NoticeBook;

/**
 * Turns the shared filter parameters of search, citations and export into a {@link StatementQuery}, with a 400
 * naming the parameter for anything out of range: {@code q, type, section, yearFrom, yearTo, journal,
 * selfCitation, notice, citesRetracted, cited, citing, sort, cursor, limit}.
 */
final class StatementQueryParams {
    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIMIT = 20;
    private static final int MAX_TEXT = 2000;

    /** The filters the routes share, for /api/openapi.json. */
    static final List<RouteDoc.Param> FILTER_DOCS = List.of(
            RouteDoc.Param.query(
                    "type",
                    "string",
                    "label filter: supporting, contrasting (or contradicting), mentioning, unclassified; comma-separated or repeated"),
            RouteDoc.Param.query(
                    "section",
                    "string",
                    "section filter: introduction, methods, results, discussion, other; comma-separated or repeated"),
            RouteDoc.Param.query("yearFrom", "integer", "citing articles published in or after this year"),
            RouteDoc.Param.query("yearTo", "integer", "citing articles published in or before this year"),
            RouteDoc.Param.query("journal", "string", "citing journal, exact name"),
            RouteDoc.Param.query("selfCitation", "string", "include (default), exclude or only self-citations"),
            RouteDoc.Param.query(
                    "notice",
                    "string",
                    "only statements citing works with a notice of this type: retraction, correction or concern; comma-separated or repeated"),
            RouteDoc.Param.query(
                    "citesRetracted",
                    "string",
                    "after: only statements published in a later year than the retraction of the work they cite"));

    static final List<RouteDoc.Param> PAGING_DOCS = List.of(
            RouteDoc.Param.query(
                    "sort", "string", "relevance, year, -year, confidence or -confidence (leading minus: descending)"),
            RouteDoc.Param.query("cursor", "string", "opaque cursor from the previous page's nextCursor"),
            RouteDoc.Param.query("limit", "integer", "page size, 1 to 1000 (default 20)"));

    private StatementQueryParams() {}

    /**
     * @param citedDoi the cited work fixed by the route (citations), or null to read the {@code cited} parameter
     * @param defaultSort used when there is no {@code sort} parameter
     */
    static StatementQuery parse(
            Context ctx, String citedDoi, StatementSort defaultSort, boolean paged, Overlay overlay) {
        String text = text(ctx, "q");
        String cited = citedDoi != null ? citedDoi : DoiParam.fromQuery(ctx, "cited");
        String citing = DoiParam.fromQuery(ctx, "citing");
        Set<Label> labels = labels(ctx);
        Set<SectionType> sections = sections(ctx);
        Integer yearFrom = year(ctx, "yearFrom");
        Integer yearTo = year(ctx, "yearTo");
        if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
            throw ApiException.badRequest("yearFrom (" + yearFrom + ") is after yearTo (" + yearTo + ")");
        }
        String journal = text(ctx, "journal");
        SelfCitationFilter self = selfCitation(ctx);
        StatementSort sort = sort(ctx, defaultSort, text != null);
        String cursor = paged ? text(ctx, "cursor") : null;
        int limit = paged ? limit(ctx) : MAX_LIMIT;
        return new StatementQuery(
                        text, cited, null, citing, labels, sections, yearFrom, yearTo, journal, self, sort, cursor, limit)
                .withNoticesAndReviews(
                        noticeWorks(ctx, overlay.notices()), citedAfter(ctx, overlay.notices()), overlay.reviewed());
    }

    /** The works with a notice of one of the asked types, or null when {@code notice} is not given. */
    private static Set<String> noticeWorks(Context ctx, NoticeBook notices) {
        Set<NoticeType> types = parsed(ctx, "notice", NoticeType::fromWireName, EnumSet.noneOf(NoticeType.class));
        if (types.isEmpty()) return null;
        Set<String> dois = new java.util.HashSet<>();
        for (NoticeType t : types) dois.addAll(notices.worksWith(t));
        return dois;
    }

    private static Map<String, Integer> citedAfter(Context ctx, NoticeBook notices) {
        String raw = ctx.queryParam("citesRetracted");
        if (raw == null || raw.isBlank()) return null;
        if (!raw.strip().equalsIgnoreCase("after")) {
            throw ApiException.badRequest("citesRetracted can only be 'after', not '" + shorten(raw) + "'");
        }
        return notices.retractionYears();
    }

    static int limit(Context ctx) {
        String raw = ctx.queryParam("limit");
        if (raw == null || raw.isBlank()) return DEFAULT_LIMIT;
        int limit;
        try {
            limit = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(
                    "limit must be a whole number from 1 to " + MAX_LIMIT + ", not '" + shorten(raw) + "'");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("limit must be from 1 to " + MAX_LIMIT + ", not " + limit);
        }
        return limit;
    }

    private static String text(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return null;
        if (raw.length() > MAX_TEXT) {
            throw ApiException.badRequest(
                    name + " is too long (" + raw.length() + " characters; at most " + MAX_TEXT + ")");
        }
        return raw.strip();
    }

    private static Set<Label> labels(Context ctx) {
        return parsed(ctx, "type", Label::fromWireName, EnumSet.noneOf(Label.class));
    }

    private static Set<SectionType> sections(Context ctx) {
        return parsed(ctx, "section", SectionType::fromWireName, EnumSet.noneOf(SectionType.class));
    }

    private static <E extends Enum<E>> Set<E> parsed(
            Context ctx, String name, java.util.function.Function<String, E> parse, Set<E> out) {
        for (String v : values(ctx, name)) {
            try {
                out.add(parse.apply(v));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(name + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** Repeated parameters and comma-separated lists, blank items dropped. */
    private static List<String> values(Context ctx, String name) {
        return ctx.queryParams(name).stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .limit(50)
                .toList();
    }

    private static Integer year(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return null;
        try {
            int y = Integer.parseInt(raw.strip());
            if (y >= 1000 && y <= 9999) return y;
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw ApiException.badRequest(name + " must be a four-digit year, not '" + shorten(raw) + "'");
    }

    private static SelfCitationFilter selfCitation(Context ctx) {
        String raw = ctx.queryParam("selfCitation");
        if (raw == null || raw.isBlank()) return SelfCitationFilter.INCLUDE;
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "include" -> SelfCitationFilter.INCLUDE;
            case "exclude" -> SelfCitationFilter.EXCLUDE;
            case "only" -> SelfCitationFilter.ONLY;
            default ->
                throw ApiException.badRequest(
                        "selfCitation must be include, exclude or only, not '" + shorten(raw) + "'");
        };
    }

    private static StatementSort sort(Context ctx, StatementSort fallback, boolean hasText) {
        String raw = ctx.queryParam("sort");
        if (raw == null || raw.isBlank()) {
            return fallback == StatementSort.RELEVANCE && !hasText ? StatementSort.YEAR_DESC : fallback;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "relevance" -> StatementSort.RELEVANCE;
            case "year", "+year" -> StatementSort.YEAR_ASC;
            case "-year" -> StatementSort.YEAR_DESC;
            case "confidence", "+confidence" -> StatementSort.CONFIDENCE_ASC;
            case "-confidence" -> StatementSort.CONFIDENCE_DESC;
            default ->
                throw ApiException.badRequest(
                        "sort must be relevance, year, -year, confidence or -confidence, not '" + shorten(raw) + "'");
        };
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
