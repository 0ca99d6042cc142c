package org.citelens.index;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.citelens.model.Label;
import org.citelens.model.SectionType;

/** Turns a {@link StatementQuery} into one Lucene query: the text scores, every other member only filters. */
final class StatementFilters {
    private final StatementTextQuery text;

    StatementFilters(StatementTextQuery text) {
        this.text = text;
    }

    Query toLucene(StatementQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean any = false;
        Query textQuery = text.parse(q.text());
        if (textQuery != null) {
            b.add(textQuery, Occur.MUST);
            any = true;
        }
        List<Query> filters = new ArrayList<>();
        exact(filters, StatementSchema.CITED_DOI, q.citedDoi());
        exact(filters, StatementSchema.CITED_WORK_ID, q.citedWorkId());
        exact(filters, StatementSchema.CITING_DOI, q.citingDoi());
        exact(filters, StatementSchema.JOURNAL, StatementSchema.journalKey(q.journal()));
        if (!q.labels().isEmpty()) {
            filters.add(KeywordField.newSetQuery(
                    StatementSchema.LABEL,
                    q.labels().stream().map(Label::wireName).map(BytesRef::new).toList()));
        }
        if (!q.sections().isEmpty()) {
            filters.add(KeywordField.newSetQuery(
                    StatementSchema.SECTION,
                    q.sections().stream()
                            .map(SectionType::wireName)
                            .map(BytesRef::new)
                            .toList()));
        }
        if (q.yearFrom() != null || q.yearTo() != null) {
            filters.add(IntField.newRangeQuery(
                    StatementSchema.YEAR,
                    q.yearFrom() == null ? Integer.MIN_VALUE : q.yearFrom(),
                    q.yearTo() == null ? Integer.MAX_VALUE : q.yearTo()));
        }
        switch (q.selfCitation()) {
            case EXCLUDE -> filters.add(KeywordField.newExactQuery(StatementSchema.SELF_CITATION, "false"));
            case ONLY -> filters.add(KeywordField.newExactQuery(StatementSchema.SELF_CITATION, "true"));
            case INCLUDE -> {}
        }
        for (Query f : filters) {
            b.add(f, Occur.FILTER);
            any = true;
        }
        return any ? b.build() : new MatchAllDocsQuery();
    }

    private static void exact(List<Query> filters, String field, String value) {
        if (value != null && !value.isBlank()) filters.add(KeywordField.newExactQuery(field, value));
    }
}
