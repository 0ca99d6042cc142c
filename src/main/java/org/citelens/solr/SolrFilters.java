package org.citelens.solr;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
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
    private SolrFilters() {}

    static ModifiableSolrParams params(StatementQuery q, Query text) {
        ModifiableSolrParams p = new ModifiableSolrParams();
        Map<String, String> values = new LinkedHashMap<>();
        p.set("q", text == null ? "*:*" : SolrTextQuery.write(text, values));
        exact(p, values, StatementSchema.CITED_DOI, q.citedDoi());
        exact(p, values, StatementSchema.CITED_WORK_ID, q.citedWorkId());
        exact(p, values, StatementSchema.CITING_DOI, q.citingDoi());
        exact(p, values, StatementSchema.JOURNAL, StatementSchema.journalKey(q.journal()));
        if (!q.labels().isEmpty()) set(p, values, StatementSchema.LABEL, q.labels().stream().map(Label::wireName).toList());
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
