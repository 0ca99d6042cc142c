package org.citelens.resolve;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The works in memory: every distinct spelling (variant) of each work with how often it was seen, which DOIs the
 * references with a DOI give for each key, and which keys were merged into a DOI. Variants get dense ordinals so
 * the Lucene candidate index can point back at them. Not thread-safe for writes: the registry serialises them.
 */
final class WorkStore {
    /** One spelling of one work and its count. */
    static final class Entry {
        final int ord;
        final String workId;
        final WorkVariant variant;
        int count;

        Entry(int ord, String workId, WorkVariant variant, int count) {
            this.ord = ord;
            this.workId = workId;
            this.variant = variant;
            this.count = count;
        }
    }

    private final List<Entry> byOrd = new ArrayList<>();
    private final Map<String, Map<String, Entry>> byWork = new HashMap<>();
    private final Map<String, Map<String, Integer>> keyDois = new HashMap<>();
    /** "pmid:123" and "pmcid:PMC1" to the DOIs that spellings carrying both give. */
    private final Map<String, Map<String, Integer>> idDois = new HashMap<>();

    private final Map<String, String> aliases = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> aliasesOf = new ConcurrentHashMap<>();
    /** Merged records, dropped when a registration or a merge changes what they are merged from. */
    private final Map<String, WorkRecord> records = new ConcurrentHashMap<>();

    /** Counts one more sighting of {@code v} under {@code workId}; the new entry when this spelling is new, else null. */
    Entry add(String workId, WorkVariant v, int count) {
        records.clear();
        Map<String, Entry> variants = byWork.computeIfAbsent(workId, k -> new LinkedHashMap<>());
        Entry e = variants.get(v.signature());
        if (v.doi() != null) {
            String key = v.fromArticle() ? null : WorkKey.of(v);
            if (key != null) keyDois.computeIfAbsent(key, k -> new HashMap<>()).merge(v.doi(), count, Integer::sum);
            for (String id : identifiers(v)) {
                idDois.computeIfAbsent(id, k -> new HashMap<>()).merge(v.doi(), count, Integer::sum);
            }
        }
        if (e != null) {
            e.count += count;
            return null;
        }
        e = new Entry(byOrd.size(), workId, v, count);
        byOrd.add(e);
        variants.put(v.signature(), e);
        return e;
    }

    /** The PMID and PMCID of a spelling as lookup keys ("pmid:123", "pmcid:pmc123"). */
    static List<String> identifiers(WorkVariant v) {
        List<String> ids = new ArrayList<>(2);
        if (v.pmid() != null) ids.add("pmid:" + v.pmid().strip());
        if (v.pmcid() != null) {
            String pmc = v.pmcid().strip().toLowerCase(java.util.Locale.ROOT);
            ids.add("pmcid:" + (pmc.startsWith("pmc") ? pmc : "pmc" + pmc));
        }
        return ids;
    }

    /** DOIs given for a PMID or PMCID key (see {@link #identifiers}), with counts. */
    Map<String, Integer> doisOfIdentifier(String id) {
        return idDois.getOrDefault(id, Map.of());
    }

    Entry entry(int ord) {
        return byOrd.get(ord);
    }

    List<Entry> entries() {
        return byOrd;
    }

    boolean contains(String workId) {
        return byWork.containsKey(workId);
    }

    /** The ids spellings are registered under, keys included as written; callers hold the registry's lock. */
    Set<String> registeredIds() {
        return Set.copyOf(byWork.keySet());
    }

    /** DOIs that references with a DOI give for this key, with counts. */
    Map<String, Integer> doisOfKey(String key) {
        return keyDois.getOrDefault(key, Map.of());
    }

    /** Records that a key names the work with this DOI id; the first DOI learned for a key stays. */
    void alias(String key, String doiWorkId) {
        if (aliases.putIfAbsent(key, doiWorkId) == null) {
            aliasesOf
                    .computeIfAbsent(doiWorkId, k -> ConcurrentHashMap.newKeySet())
                    .add(key);
            records.remove(doiWorkId);
            records.remove(key);
        }
    }

    Map<String, String> aliases() {
        return aliases;
    }

    /** The id a work is known by now: a key that learned its DOI answers with the DOI id. */
    String canonical(String workId) {
        String target = aliases.get(workId);
        return target == null ? workId : target;
    }

    /** The merged record of a work (by any of its ids), or empty when unknown. */
    Optional<WorkRecord> record(String workId) {
        String id = canonical(workId);
        WorkRecord cached = records.get(id);
        if (cached != null) return Optional.of(cached);
        Optional<WorkRecord> merged = merge(id);
        merged.ifPresent(r -> records.put(id, r));
        return merged;
    }

    private Optional<WorkRecord> merge(String id) {
        List<String> merged = new ArrayList<>();
        List<Entry> entries = new ArrayList<>(byWork.getOrDefault(id, Map.of()).values());
        for (String key : aliasesOf.getOrDefault(id, Set.of())) {
            Map<String, Entry> variants = byWork.get(key);
            if (variants != null) {
                merged.add(key);
                entries.addAll(variants.values());
            }
        }
        if (entries.isEmpty()) return Optional.empty();
        merged.sort(null);
        return Optional.of(merge(id, entries, merged));
    }

    private static WorkRecord merge(String id, List<Entry> entries, List<String> aliases) {
        Entry article = entries.stream()
                .filter(e -> e.variant.fromArticle())
                .findFirst()
                .orElse(null);
        int references = entries.stream()
                .filter(e -> !e.variant.fromArticle())
                .mapToInt(e -> e.count)
                .sum();
        String doi = id.startsWith("doi:") ? id.substring(4) : null;
        WorkVariant a = article == null ? null : article.variant;
        return new WorkRecord(
                id,
                doi,
                pick(a, entries, WorkVariant::pmid),
                pick(a, entries, WorkVariant::pmcid),
                pick(a, entries, WorkVariant::title),
                pick(a, entries, WorkVariant::year),
                pick(a, entries, WorkVariant::surname),
                pick(a, entries, WorkVariant::givenNames),
                pick(a, entries, WorkVariant::journal),
                pick(null, entries, WorkVariant::volume),
                pick(null, entries, WorkVariant::pages),
                references,
                article != null,
                aliases);
    }

    /** The article's own value when it has one, else the value most references give (ties: the first seen). */
    private static <T> T pick(WorkVariant article, Collection<Entry> entries, Function<WorkVariant, T> field) {
        if (article != null && field.apply(article) != null) return field.apply(article);
        Map<T, Integer> counts = new LinkedHashMap<>();
        for (Entry e : entries) {
            T value = field.apply(e.variant);
            if (value != null) counts.merge(value, e.count, Integer::sum);
        }
        return counts.entrySet().stream()
                .max(Comparator.comparingInt(Map.Entry::getValue))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    /** Every canonical work id. */
    Set<String> workIds() {
        Set<String> ids = new TreeSet<>();
        for (String id : byWork.keySet()) ids.add(canonical(id));
        return ids;
    }

    /** How many references stand behind a canonical work, for ranking search results. */
    int referenceCount(String canonicalId) {
        return record(canonicalId).map(WorkRecord::references).orElse(0);
    }
}
