package org.citelens.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;
import org.citelens.model.CitationStatement;
import org.citelens.model.Label;

/**
 * The label facet with curators' reviewed labels counted instead of the indexed ones: the facet counter reads the
 * index's label of every hit, so each reviewed statement among the hits moves from that label to its reviewed one.
 * Reviewed statements are few; finding which of them match costs one query over their ids.
 */
public final class ReviewedFacets {
    private ReviewedFacets() {}

    static Map<String, Map<String, Long>> adjust(
            IndexSearcher searcher, Query hits, Map<String, Label> reviewed, Map<String, Map<String, Long>> facets)
            throws IOException {
        Map<String, Long> labels = facets.get("label");
        if (reviewed.isEmpty() || labels == null) return facets;
        Query matching = new BooleanQuery.Builder()
                .add(hits, Occur.FILTER)
                .add(
                        KeywordField.newSetQuery(
                                StatementSchema.ID,
                                reviewed.keySet().stream().map(BytesRef::new).toList()),
                        Occur.FILTER)
                .build();
        ScoreDoc[] found = searcher.search(matching, reviewed.size()).scoreDocs;
        if (found.length == 0) return facets;
        List<CitationStatement> matched = new ArrayList<>(found.length);
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc sd : found) matched.add(StoredStatements.load(stored, sd.doc));
        return moved(facets, matched, reviewed);
    }

    /**
     * The facets with each of {@code reviewedHits} (the reviewed statements among a query's hits, as the store
     * holds them) moved from its indexed label to its reviewed one; ordered by count, ties as the facet had them.
     * Shared by every store, so the label facet reads the same whichever answers.
     */
    public static Map<String, Map<String, Long>> moved(
            Map<String, Map<String, Long>> facets, List<CitationStatement> reviewedHits, Map<String, Label> reviewed) {
        Map<String, Long> labels = facets.get("label");
        if (labels == null || reviewedHits.isEmpty()) return facets;
        Map<String, Long> counts = new LinkedHashMap<>(labels);
        for (CitationStatement s : reviewedHits) {
            Label now = reviewed.get(s.id());
            if (now == null) continue;
            String was = (s.label() == null ? Label.UNCLASSIFIED : s.label()).wireName();
            counts.merge(was, -1L, Long::sum);
            counts.merge(now.wireName(), 1L, Long::sum);
        }
        counts.values().removeIf(n -> n <= 0);
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        Map<String, Map<String, Long>> out = new LinkedHashMap<>(facets);
        out.put("label", sorted);
        return out;
    }
}
