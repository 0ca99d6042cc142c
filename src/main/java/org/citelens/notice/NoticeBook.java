package org.citelens.notice;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.citelens.model.EditorialNotice;
import org.citelens.model.NoticeType;

/**
 * Every notice known at one moment, by the DOI of the work it concerns; immutable, so the server hands one
 * snapshot to a whole request. {@link #version()} changes whenever the content does.
 */
public final class NoticeBook {
    public static final NoticeBook EMPTY = new NoticeBook(List.of(), 0);

    private final Map<String, List<EditorialNotice>> byWork;
    private final Map<String, Integer> firstRetractionYear;
    private final Set<String> retracted;
    private final long version;
    private final int size;

    NoticeBook(Collection<EditorialNotice> notices, long version) {
        Map<String, List<EditorialNotice>> grouped = notices.stream()
                .sorted(Comparator.comparing(
                                EditorialNotice::date, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(EditorialNotice::key))
                .collect(Collectors.groupingBy(EditorialNotice::workDoi, LinkedHashMap::new, Collectors.toList()));
        grouped.replaceAll((doi, list) -> List.copyOf(list));
        this.byWork = Map.copyOf(grouped);
        Map<String, Integer> years = new HashMap<>();
        for (EditorialNotice n : notices) {
            if (n.type() == NoticeType.RETRACTION && n.year() != null) years.merge(n.workDoi(), n.year(), Math::min);
        }
        this.firstRetractionYear = Map.copyOf(years);
        this.retracted = worksWith(NoticeType.RETRACTION);
        this.version = version;
        this.size = notices.size();
    }

    /** The notices about one work, oldest first; empty when it has none. */
    public List<EditorialNotice> notices(String workDoi) {
        return workDoi == null ? List.of() : byWork.getOrDefault(workDoi, List.of());
    }

    /** Every notice, work by work. */
    public List<EditorialNotice> all() {
        return byWork.values().stream().flatMap(List::stream).toList();
    }

    /** DOIs of the works with at least one notice of this type. */
    public Set<String> worksWith(NoticeType type) {
        return byWork.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(n -> n.type() == type))
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** For every retracted work whose retraction is dated, the year of its first retraction. */
    public Map<String, Integer> retractionYears() {
        return firstRetractionYear;
    }

    /** Whether the work has a retraction notice, dated or not. */
    public boolean isRetracted(String workDoi) {
        return workDoi != null && retracted.contains(workDoi);
    }

    /**
     * Whether an article of {@code citingYear} cited the work before or after its retraction, by year: "after" when
     * it was published in a later year than the retraction, "before" in an earlier year, null when the work is not
     * retracted, either year is unknown, or both fall in the same year (the order within a year is not known).
     */
    public String citesRetracted(String citedDoi, Integer citingYear) {
        Integer retracted = citedDoi == null ? null : firstRetractionYear.get(citedDoi);
        if (retracted == null || citingYear == null || citingYear.equals(retracted)) return null;
        return citingYear > retracted ? "after" : "before";
    }

    public long version() {
        return version;
    }

    public int size() {
        return size;
    }
}
