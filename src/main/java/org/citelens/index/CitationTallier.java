package org.citelens.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.citelens.model.Label;
import org.citelens.model.SectionType;

/**
 * Counts the statements citing works, from doc values only (no stored fields are read), so 500 DOIs cost one pass
 * over their statements. Per statement only ordinals are read and counted: label, section and self-citation
 * ordinals map to their values once per segment, and a citing article's id becomes a string once per run of its
 * statements (a work cited by 600,000 statements allocated five strings for each of them, which made a hot DOI's
 * first tally grow faster than its statement count; docs/scale.md).
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
        MatchingDocs.visit(searcher, query, leaf -> new SegmentTally(leaf.reader(), out));
        return out;
    }

    /** One segment's pass: ordinals in, aggregates out at {@link #finish()}. */
    private static final class SegmentTally implements MatchingDocs.DocVisitor {
        private final SortedSetDocValues cited;
        private final SortedSetDocValues label;
        private final SortedSetDocValues section;
        private final SortedSetDocValues citing;
        private final SortedSetDocValues self;
        private final SortedNumericDocValues year;
        private final Label[] labels;
        private final SectionType[] sections;
        private final boolean[] selfValues;
        private final Map<String, CitationAggregate> out;
        /** The aggregates of this segment's cited-DOI ordinals, looked up once per ordinal. */
        private final Map<Long, Run> byCitedOrd = new HashMap<>();

        SegmentTally(LeafReader r, Map<String, CitationAggregate> out) throws IOException {
            this.out = out;
            cited = DocValues.getSortedSet(r, StatementSchema.CITED_DOI);
            label = DocValues.getSortedSet(r, StatementSchema.LABEL);
            section = DocValues.getSortedSet(r, StatementSchema.SECTION);
            citing = DocValues.getSortedSet(r, StatementSchema.CITING_ARTICLE_ID);
            self = DocValues.getSortedSet(r, StatementSchema.SELF_CITATION);
            year = DocValues.getSortedNumeric(r, StatementSchema.YEAR);
            labels = new Label[Math.toIntExact(label.getValueCount())];
            for (int o = 0; o < labels.length; o++) labels[o] = Label.fromWireName(label.lookupOrd(o).utf8ToString());
            sections = new SectionType[Math.toIntExact(section.getValueCount())];
            for (int o = 0; o < sections.length; o++) {
                sections[o] = SectionType.fromWireName(section.lookupOrd(o).utf8ToString());
            }
            selfValues = new boolean[Math.toIntExact(self.getValueCount())];
            for (int o = 0; o < selfValues.length; o++) selfValues[o] = "true".equals(self.lookupOrd(o).utf8ToString());
        }

        @Override
        public void visit(int doc) throws IOException {
            if (!cited.advanceExact(doc)) return; // matched by cited DOI: always there
            long citedOrd = cited.nextOrd();
            Run run = byCitedOrd.get(citedOrd);
            if (run == null) {
                String doi = cited.lookupOrd(citedOrd).utf8ToString();
                run = new Run(out.computeIfAbsent(doi, CitationAggregate::new));
                byCitedOrd.put(citedOrd, run);
            }
            Label l = label.advanceExact(doc) ? labels[(int) label.nextOrd()] : Label.UNCLASSIFIED;
            SectionType s = section.advanceExact(doc) ? sections[(int) section.nextOrd()] : SectionType.OTHER;
            boolean isSelf = self.advanceExact(doc) && selfValues[(int) self.nextOrd()];
            run.aggregate.count(l, s, isSelf);
            long citingOrd = citing.advanceExact(doc) ? citing.nextOrd() : -1;
            if (citingOrd < 0) return;
            int y = year.advanceExact(doc) ? (int) year.nextValue() : Run.NO_YEAR;
            run.add(citingOrd, y, isSelf);
        }

        @Override
        public void finish() throws IOException {
            for (Run run : byCitedOrd.values()) run.drain(citing);
        }
    }

    /**
     * The citing articles of one DOI in one segment, as ordinals: an article's statements are written together, so
     * they are neighbours in doc id order and a repeat of the last ordinal needs no new entry.
     */
    private static final class Run {
        static final int NO_YEAR = Integer.MIN_VALUE;
        final CitationAggregate aggregate;
        private long[] ords = new long[8];
        private int[] years = new int[8];
        private boolean[] selves = new boolean[8];
        private int n;

        Run(CitationAggregate aggregate) {
            this.aggregate = aggregate;
        }

        void add(long ord, int year, boolean self) {
            if (n > 0 && ords[n - 1] == ord) {
                selves[n - 1] |= self;
                return;
            }
            if (n == ords.length) {
                ords = Arrays.copyOf(ords, n * 2);
                years = Arrays.copyOf(years, n * 2);
                selves = Arrays.copyOf(selves, n * 2);
            }
            ords[n] = ord;
            years[n] = year;
            selves[n] = self;
            n++;
        }

        /** Hands the segment's citing articles to the aggregate, one id string per entry. */
        void drain(SortedSetDocValues citing) throws IOException {
            for (int i = 0; i < n; i++) {
                aggregate.addCiting(
                        citing.lookupOrd(ords[i]).utf8ToString(), years[i] == NO_YEAR ? null : years[i], selves[i]);
            }
            n = 0;
        }
    }
}
