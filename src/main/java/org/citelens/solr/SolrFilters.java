package org.citelens.solr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.search.Query;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.citelens.index.StatementQuery;
import org.citelens.index.StatementSchema;
import org.citelens.index.StatementSort;
import org.citelens.model.Label;
import org.citelens.model.SectionType;

/**
 * A {@link StatementQuery} as Solr parameters, member for member as the local index's filters: the text scores,
 * everything else filters. Every value travels as a parameter of Solr's {@code term} or {@code terms} parser, never
 * inside query syntax.
 */
final class SolrFilters {
    /** A filter no statement passes. */
    static final String NOTHING = "(-*:* AND *:*)";

    /** Separators for the terms parser, tried in order: characters a DOI or a statement id is not expected to hold. */
    private static final List<String> SEPARATORS = List.of("\n", "\u001f", " ", "|", "\t");

    private static final String STATEMENT_ID = SolrDocuments.STATEMENT_ID;

    private SolrFilters() {}

    static ModifiableSolrParams params(StatementQuery q, Query text) {
        ModifiableSolrParams p = new ModifiableSolrParams();
        Map<String, String> values = new LinkedHashMap<>();
        p.set("q", text == null ? "*:*" : SolrTextQuery.write(text, values));
        exact(p, values, StatementSchema.CITED_DOI, q.citedDoi());
        exact(p, values, StatementSchema.CITED_WORK_ID, q.citedWorkId());
        exact(p, values, StatementSchema.CITING_DOI, q.citingDoi());
        exact(p, values, StatementSchema.JOURNAL, StatementSchema.journalKey(q.journal()));
        if (!q.labels().isEmpty()) p.add("fq", labels(q, values));
        if (q.citedAmong() != null) p.add("fq", citedAmong(q.citedAmong(), values));
        if (q.citedAfterYear() != null) p.add("fq", citedAfter(q.citedAfterYear(), values));
        if (!q.sections().isEmpty()) {
            set(p, values, StatementSchema.SECTION, q.sections().stream().map(SectionType::wireName).toList());
        }
        if (q.yearFrom() != null || q.yearTo() != null) {
            p.add("fq", StatementSchema.YEAR + ":[" + (q.yearFrom() == null ? "*" : q.yearFrom()) + " TO "
                    + (q.yearTo() == null ? "*" : q.yearTo()) + "]");
        }
        switch (q.selfCitation()) {
            case EXCLUDE -> exact(p, values, StatementSchema.SELF_CITATION, "false");
            case ONLY -> exact(p, values, StatementSchema.SELF_CITATION, "true");
            case INCLUDE -> {}
        }
        // statements citing one DOI all live on one shard: ask only that one
        if (q.citedDoi() != null && !q.citedDoi().isBlank()) p.set("_route_", SolrDocuments.route(q.citedDoi()));
        values.forEach(p::set);
        return p;
    }

    /** The sort of a listing: as in the local index, the statement id breaks every tie; the unique key ends it. */
    static String sort(StatementSort sort) {
        String primary =
                switch (sort) {
                    case RELEVANCE -> "score desc";
                    case YEAR_DESC -> StatementSchema.YEAR + " desc";
                    case YEAR_ASC -> StatementSchema.YEAR + " asc";
                    case CONFIDENCE_DESC -> StatementSchema.CONFIDENCE + " desc";
                    case CONFIDENCE_ASC -> StatementSchema.CONFIDENCE + " asc";
                };
        return primary + "," + SolrDocuments.STATEMENT_ID + " asc," + SolrDocuments.ROUTED_ID + " asc";
    }

    /**
     * The label filter as the local index's: a statement a curator reviewed is judged by its reviewed label, so
     * (indexed label in L and not reviewed) or (reviewed to a label in L).
     */
    private static String labels(StatementQuery q, Map<String, String> values) {
        String indexed = anyOf(values, StatementSchema.LABEL, q.labels().stream().map(Label::wireName).toList());
        if (q.reviewedLabels().isEmpty()) return indexed;
        List<String> reviewedIn = q.reviewedLabels().entrySet().stream()
                .filter(e -> q.labels().contains(e.getValue()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        String notReviewed = "((" + indexed + ") AND -(" + termsOf(values, STATEMENT_ID, q.reviewedLabels().keySet())
                + "))";
        return reviewedIn.isEmpty() ? notReviewed : notReviewed + " OR (" + termsOf(values, STATEMENT_ID, reviewedIn) + ")";
    }

    /** Statements citing one of these DOIs (the works with a notice); an empty set matches nothing, as in Lucene. */
    private static String citedAmong(Set<String> dois, Map<String, String> values) {
        return dois.isEmpty() ? NOTHING : termsOf(values, StatementSchema.CITED_DOI, dois);
    }

    /**
     * Statements citing a retracted work from an article published in a later year than its retraction: one clause
     * per retraction year (a few dozen at most), each "cites one of that year's works and is later".
     */
    private static String citedAfter(Map<String, Integer> afterYear, Map<String, String> values) {
        Map<Integer, List<String>> byYear = new TreeMap<>();
        afterYear.forEach((doi, y) -> byYear.computeIfAbsent(y, k -> new ArrayList<>()).add(doi));
        StringBuilder b = new StringBuilder();
        for (Map.Entry<Integer, List<String>> e : byYear.entrySet()) {
            if (e.getKey() == Integer.MAX_VALUE) continue;
            List<String> dois = e.getValue().stream().sorted().toList();
            if (b.length() > 0) b.append(" OR ");
            b.append("((").append(termsOf(values, StatementSchema.CITED_DOI, dois)).append(") AND ")
                    .append(StatementSchema.YEAR).append(":[").append(e.getKey() + 1).append(" TO *])");
        }
        return b.length() == 0 ? NOTHING : b.toString();
    }

    /**
     * Any of {@code v} in {@code field} with Solr's {@code terms} parser (one query however many values, no boolean
     * clause limit), its values joined by a separator none of them holds; only if every candidate occurs in some
     * value, as {@code term} clauses. Values and separator travel as parameters.
     */
    static String termsOf(Map<String, String> values, String field, Collection<String> v) {
        return termsOf(values, "f", field, v);
    }

    /** {@link #termsOf(Map, String, Collection)} with parameter names starting {@code prefix}. */
    static String termsOf(Map<String, String> values, String prefix, String field, Collection<String> v) {
        String separator = SEPARATORS.stream()
                .filter(sep -> v.stream().noneMatch(value -> value.contains(sep)))
                .findFirst()
                .orElse(null);
        if (separator == null) return anyOf(values, field, v);
        String list = prefix + values.size();
        values.put(list, String.join(separator, v));
        String sep = prefix + values.size();
        values.put(sep, separator);
        // method=termsFilter: Solr's default for string fields, said so the query does not change with versions
        return "({!terms f=" + field + " method=termsFilter separator=$" + sep + " v=$" + list + "})";
    }

    private static void exact(ModifiableSolrParams p, Map<String, String> values, String field, String value) {
        if (value == null || value.isBlank()) return;
        String name = "f" + values.size();
        values.put(name, value);
        p.add("fq", "{!term f=" + field + " v=$" + name + "}");
    }

    private static void set(ModifiableSolrParams p, Map<String, String> values, String field, Collection<String> v) {
        p.add("fq", anyOf(values, field, v));
    }

    /**
     * Any of {@code v} in {@code field}, as {@code term} clauses: the {@code terms} parser would need a separator that
     * no value holds, and DOIs may hold almost any character.
     */
    static String anyOf(Map<String, String> values, String field, Collection<String> v) {
        StringBuilder b = new StringBuilder();
        for (String value : v) {
            String name = "f" + values.size();
            values.put(name, value);
            if (b.length() > 0) b.append(" OR ");
            // in parentheses: a query string that starts with local params is read as one query of that parser
            b.append("({!term f=").append(field).append(" v=$").append(name).append("})");
        }
        return b.toString();
    }
}
