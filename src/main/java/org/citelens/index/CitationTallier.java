package org.citelens.index;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * Counts the statements citing works, from doc values only (no stored fields are read), so a tally costs
 * a term lookup plus a few reads per citing statement, and 500 DOIs cost one pass over their statements.
 */
final class CitationTallier {
    private CitationTallier() {}

    /** The aggregate of every statement citing {@code doi}, or null when none does. */
    static CitationAggregate one(IndexSearcher searcher, String doi) throws IOException {
        return many(searcher, java.util.List.of(doi)).get(doi);
    }

    /** Aggregates by cited DOI for every DOI of {@code dois} that some statement cites. */
    static Map<String, CitationAggregate> many(IndexSearcher searcher, Collection<String> dois) throws IOException {
        Map<String, CitationAggregate> out = new HashMap<>();
        if (dois.isEmpty()) return out;
        Query query = dois.size() == 1
                ? KeywordField.newExactQuery(
                        StatementSchema.CITED_DOI, dois.iterator().next())
                : KeywordField.newSetQuery(
                        StatementSchema.CITED_DOI,
                        dois.stream().map(BytesRef::new).toList());
        MatchingDocs.visit(searcher, query, leaf -> {
            LeafReader r = leaf.reader();
            KeywordValues cited = new KeywordValues(r, StatementSchema.CITED_DOI);
            KeywordValues label = new KeywordValues(r, StatementSchema.LABEL);
            KeywordValues section = new KeywordValues(r, StatementSchema.SECTION);
            KeywordValues citing = new KeywordValues(r, StatementSchema.CITING_ARTICLE_ID);
            KeywordValues self = new KeywordValues(r, StatementSchema.SELF_CITATION);
            KeywordValues.Ints year = new KeywordValues.Ints(r, StatementSchema.YEAR);
            return doc -> {
                String doi = cited.get(doc);
                out.computeIfAbsent(doi, CitationAggregate::new)
                        .add(
                                label.get(doc),
                                section.get(doc),
                                citing.get(doc),
                                year.get(doc),
                                "true".equals(self.get(doc)));
            };
        });
        return out;
    }
}
