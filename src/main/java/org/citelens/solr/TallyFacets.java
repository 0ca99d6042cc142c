package org.citelens.solr;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.solr.common.util.NamedList;
import org.citelens.index.SectionTallies;
import org.citelens.index.Tallies;
import org.citelens.model.Label;
import org.citelens.model.SectionType;

/** One cited DOI's facet bucket, read as the tallies the local index counts for it. */
record TallyFacets(
        String doi,
        long total,
        Map<String, Long> labels,
        Map<String, Long> sections,
        long citingPublications,
        long selfCitations,
        long selfCitingPublications,
        SortedMap<Integer, Long> citingByYear) {

    static TallyFacets of(String doi, NamedList<?> bucket) {
        NamedList<?> self = bucket.get("self") instanceof NamedList<?> n ? n : new NamedList<>();
        SortedMap<Integer, Long> years = new TreeMap<>();
        for (NamedList<?> y : SolrStatementStore.buckets(bucket, "year")) {
            years.put(((Number) y.get("val")).intValue(), number(y.get("pubs")));
        }
        return new TallyFacets(
                doi,
                number(bucket.get("count")),
                SolrStatementStore.counts(bucket, "label"),
                SolrStatementStore.counts(bucket, "section"),
                number(bucket.get("pubs")),
                number(self.get("count")),
                number(self.get("pubs")),
                years);
    }

    private static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0L;
    }

    Tallies tallies() {
        long contrasting = label(Label.CONTRASTING);
        return new Tallies(
                doi,
                total,
                label(Label.SUPPORTING),
                contrasting,
                contrasting,
                label(Label.MENTIONING),
                label(Label.UNCLASSIFIED),
                citingPublications,
                selfCitations,
                selfCitingPublications,
                // a harvest's coverage is a file beside a local index; a collection has none (docs/solrcloud.md)
                null);
    }

    SectionTallies sectionTallies() {
        return new SectionTallies(
                doi,
                total,
                section(SectionType.INTRODUCTION),
                section(SectionType.METHODS),
                section(SectionType.RESULTS),
                section(SectionType.DISCUSSION),
                section(SectionType.OTHER));
    }

    SortedMap<Integer, Long> citingPublicationsPerYear() {
        return new TreeMap<>(citingByYear);
    }

    private long label(Label l) {
        return labels.getOrDefault(l.wireName(), 0L);
    }

    private long section(SectionType s) {
        return sections.getOrDefault(s.wireName(), 0L);
    }
}
