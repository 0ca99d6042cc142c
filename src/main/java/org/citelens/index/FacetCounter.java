package org.citelens.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Facet counts over all hits of a query (not just one page), from doc values: ordinals are counted per segment
 * in arrays and turned into strings once per segment, so the cost is one array increment per hit and field.
 */
public final class FacetCounter {
    /** Journals can be many; a facet list longer than this helps nobody. */
    public static final int MAX_JOURNALS = 50;

    private static final int NO_YEAR = Integer.MIN_VALUE;

    private FacetCounter() {}

    /**
     * @param facets label, section, year and journal; values by descending count, years in ascending order
     */
    record Result(long total, Map<String, Map<String, Long>> facets) {}

    static Result count(IndexSearcher searcher, Query query) throws IOException {
        Map<String, Long> labels = new HashMap<>();
        Map<String, Long> sections = new HashMap<>();
        Map<String, Long> journals = new HashMap<>();
        Map<Integer, Long> years = new TreeMap<>();
        long[] total = {0};
        MatchingDocs.visit(searcher, query, leaf -> {
            LeafReader r = leaf.reader();
            OrdCounts label = new OrdCounts(new KeywordValues(r, StatementSchema.LABEL), labels);
            OrdCounts section = new OrdCounts(new KeywordValues(r, StatementSchema.SECTION), sections);
            OrdCounts journal = new OrdCounts(new KeywordValues(r, StatementSchema.JOURNAL_NAME), journals);
            KeywordValues.Ints year = new KeywordValues.Ints(r, StatementSchema.YEAR);
            return new MatchingDocs.DocVisitor() {
                // an article's statements are neighbours and share its year: count runs, not boxed years per hit
                private int runYear = NO_YEAR;
                private long runLength;

                @Override
                public void visit(int doc) throws IOException {
                    total[0]++;
                    label.add(doc);
                    section.add(doc);
                    journal.add(doc);
                    int y = year.get(doc, NO_YEAR);
                    if (y != runYear) {
                        flushYear();
                        runYear = y;
                    }
                    runLength++;
                }

                private void flushYear() {
                    if (runYear != NO_YEAR && runLength > 0) years.merge(runYear, runLength, Long::sum);
                    runLength = 0;
                }

                @Override
                public void finish() throws IOException {
                    flushYear();
                    label.flush();
                    section.flush();
                    journal.flush();
                }
            };
        });
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        facets.put("label", byCount(labels, Integer.MAX_VALUE));
        facets.put("section", byCount(sections, Integer.MAX_VALUE));
        Map<String, Long> yearFacet = new LinkedHashMap<>();
        years.forEach((y, n) -> yearFacet.put(Integer.toString(y), n));
        facets.put("year", yearFacet);
        facets.put("journal", byCount(journals, MAX_JOURNALS));
        return new Result(total[0], facets);
    }

    /** Values by descending count, then by value; at most {@code max}. */
    public static Map<String, Long> byCount(Map<String, Long> counts, int max) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(max)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Counts one field's ordinals in a segment; {@link #flush()} adds them to the cross-segment totals. */
    private static final class OrdCounts {
        private final KeywordValues values;
        private final long[] counts;
        private final Map<String, Long> into;

        OrdCounts(KeywordValues values, Map<String, Long> into) {
            this.values = values;
            this.counts = new long[Math.toIntExact(values.valueCount())];
            this.into = into;
        }

        void add(int doc) throws IOException {
            long ord = values.ord(doc);
            if (ord >= 0) counts[(int) ord]++;
        }

        void flush() throws IOException {
            for (int ord = 0; ord < counts.length; ord++) {
                if (counts[ord] > 0) into.merge(values.lookup(ord), counts[ord], Long::sum);
            }
        }
    }
}
