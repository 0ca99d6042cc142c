package org.citelens.index;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.citelens.model.Label;
import org.citelens.model.SectionType;

/** Running counts of the statements citing one work; fed one statement's keys at a time. Not thread-safe. */
final class CitationAggregate {
    private final String doi;
    private long total;
    private long selfCitations;
    private final Map<Label, Long> labels = new EnumMap<>(Label.class);
    private final Map<SectionType, Long> sections = new EnumMap<>(SectionType.class);
    private final Set<String> citing = new HashSet<>();
    private final Set<String> selfCiting = new HashSet<>();
    private final Map<Integer, Set<String>> citingByYear = new HashMap<>();

    CitationAggregate(String doi) {
        this.doi = doi;
    }

    /** Counts one statement's label and section (its citing article goes to {@link #addCiting}). */
    void count(Label label, SectionType section, boolean selfCitation) {
        total++;
        if (selfCitation) selfCitations++;
        labels.merge(label, 1L, Long::sum);
        sections.merge(section, 1L, Long::sum);
    }

    /** Records a citing article of one or more counted statements; repeats are harmless. */
    void addCiting(String citingArticleId, Integer year, boolean selfCitation) {
        citing.add(citingArticleId);
        if (selfCitation) selfCiting.add(citingArticleId);
        if (year != null) citingByYear.computeIfAbsent(year, y -> new HashSet<>()).add(citingArticleId);
    }

    Tallies tallies() {
        long contrasting = count(labels, Label.CONTRASTING);
        return new Tallies(
                doi,
                total,
                count(labels, Label.SUPPORTING),
                contrasting,
                contrasting,
                count(labels, Label.MENTIONING),
                count(labels, Label.UNCLASSIFIED),
                citing.size(),
                selfCitations,
                selfCiting.size(),
                null);
    }

    SectionTallies sectionTallies() {
        return new SectionTallies(
                doi,
                total,
                count(sections, SectionType.INTRODUCTION),
                count(sections, SectionType.METHODS),
                count(sections, SectionType.RESULTS),
                count(sections, SectionType.DISCUSSION),
                count(sections, SectionType.OTHER));
    }

    SortedMap<Integer, Long> citingPublicationsPerYear() {
        SortedMap<Integer, Long> out = new TreeMap<>();
        citingByYear.forEach((year, ids) -> out.put(year, (long) ids.size()));
        return out;
    }

    private static <K> long count(Map<K, Long> m, K key) {
        return m.getOrDefault(key, 0L);
    }
}
