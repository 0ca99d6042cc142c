package org.citelens.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
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
        if (!q.labels().isEmpty()) filters.add(labels(q));
        if (q.citedAmong() != null) filters.add(citedAmong(q.citedAmong()));
        if (q.citedAfterYear() != null) filters.add(citedAfter(q.citedAfterYear()));
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

    /**
     * The label filter on the indexed labels, except that a statement a curator reviewed is judged by its reviewed
     * label: (indexed label in L and not reviewed) or (reviewed to a label in L).
     */
    private static Query labels(StatementQuery q) {
        Query indexed = KeywordField.newSetQuery(
                StatementSchema.LABEL, q.labels().stream().map(Label::wireName).map(BytesRef::new).toList());
        if (q.reviewedLabels().isEmpty()) return indexed;
        List<BytesRef> reviewed = q.reviewedLabels().keySet().stream().map(BytesRef::new).toList();
        List<BytesRef> reviewedIn = q.reviewedLabels().entrySet().stream()
                .filter(e -> q.labels().contains(e.getValue()))
                .map(e -> new BytesRef(e.getKey()))
                .toList();
        BooleanQuery.Builder notReviewed = new BooleanQuery.Builder()
                .add(indexed, Occur.FILTER)
                .add(KeywordField.newSetQuery(StatementSchema.ID, reviewed), Occur.MUST_NOT);
        BooleanQuery.Builder either = new BooleanQuery.Builder().add(notReviewed.build(), Occur.SHOULD);
        if (!reviewedIn.isEmpty()) either.add(KeywordField.newSetQuery(StatementSchema.ID, reviewedIn), Occur.SHOULD);
        return either.build();
    }

    private static Query citedAmong(java.util.Set<String> dois) {
        if (dois.isEmpty()) return new MatchNoDocsQuery();
        return KeywordField.newSetQuery(
                StatementSchema.CITED_DOI, dois.stream().map(BytesRef::new).toList());
    }

    /** One clause per retraction year (a few dozen at most), each "cites one of that year's works, published later". */
    private static Query citedAfter(Map<String, Integer> afterYear) {
        if (afterYear.isEmpty()) return new MatchNoDocsQuery();
        Map<Integer, List<BytesRef>> byYear = new TreeMap<>();
        afterYear.forEach((doi, y) -> byYear.computeIfAbsent(y, k -> new ArrayList<>()).add(new BytesRef(doi)));
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (var e : byYear.entrySet()) {
            if (e.getKey() == Integer.MAX_VALUE) continue;
            any.add(
                    new BooleanQuery.Builder()
                            .add(KeywordField.newSetQuery(StatementSchema.CITED_DOI, e.getValue()), Occur.FILTER)
                            .add(IntField.newRangeQuery(StatementSchema.YEAR, e.getKey() + 1, Integer.MAX_VALUE), Occur.FILTER)
                            .build(),
                    Occur.SHOULD);
        }
        return any.build();
    }

    private static void exact(List<Query> filters, String field, String value) {
        if (value != null && !value.isBlank()) filters.add(KeywordField.newExactQuery(field, value));
    }
}
