package org.citelens.resolve;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.citelens.model.Doi;

/**
 * Looks works up the three ways users do: a DOI (exact), "Surname Year" ("Irwin-Rogers 2017", "Livak et al.,
 * 2001": first-author surname, year within one, the most cited first), or title words (BM25 over every spelling,
 * the best spelling's score per work). Callers hold the registry's read lock.
 */
final class WorkSearch {
    private static final Pattern SURNAME_YEAR = Pattern.compile(
            "^\\s*(\\p{L}[\\p{L}'’ .-]{0,60}?)\\s*(?:et\\s+al\\.?)?\\s*,?\\s*\\(?((?:1[5-9]|20)\\d\\d)[a-z]?\\)?\\s*$");
    private static final int SPELLINGS = 400;

    private final WorkStore store;
    private final CandidateIndex index;

    WorkSearch(WorkStore store, CandidateIndex index) {
        this.store = store;
        this.index = index;
    }

    List<WorkRecord> search(String query, int limit) throws IOException {
        if (query == null || query.isBlank() || limit <= 0) return List.of();
        Optional<String> doi = query.contains("10.") ? Doi.normalize(query) : Optional.empty();
        if (doi.isPresent()) return store.record("doi:" + doi.get()).stream().toList();
        Matcher m = SURNAME_YEAR.matcher(query);
        if (m.matches()) {
            List<WorkRecord> byAuthor =
                    bySurnameYear(TextNormalizer.surnameKey(m.group(1)), Integer.parseInt(m.group(2)), limit);
            if (!byAuthor.isEmpty()) return byAuthor;
        }
        return byTitle(TextNormalizer.titleTokens(query), limit);
    }

    private List<WorkRecord> bySurnameYear(String surnameKey, int year, int limit) throws IOException {
        if (surnameKey.isEmpty()) return List.of();
        Map<String, WorkRecord> works = new LinkedHashMap<>();
        for (CandidateIndex.Hit hit : index.bySurnameYear(surnameKey, year, 1, SPELLINGS)) {
            String id = store.canonical(store.entry(hit.ord()).workId);
            if (!works.containsKey(id)) store.record(id).ifPresent(r -> works.put(id, r));
        }
        // the exact year before the neighbours, then the work most references point at
        return works.values().stream()
                .sorted(Comparator.comparingInt((WorkRecord r) -> r.year() == null ? 9 : Math.abs(r.year() - year))
                        .thenComparing(
                                Comparator.comparingInt(WorkRecord::references).reversed())
                        .thenComparing(WorkRecord::workId))
                .limit(limit)
                .toList();
    }

    private List<WorkRecord> byTitle(List<String> words, int limit) throws IOException {
        Map<String, Float> best = new LinkedHashMap<>();
        for (CandidateIndex.Hit hit : index.byTitle(words, false, SPELLINGS)) {
            best.merge(store.canonical(store.entry(hit.ord()).workId), hit.score(), Math::max);
        }
        List<Map.Entry<String, Float>> ranked = new ArrayList<>(best.entrySet());
        // equal relevance (the same title) is broken by how often the work is cited
        List<WorkRecord> out = new ArrayList<>();
        ranked.sort(Map.Entry.<String, Float>comparingByValue().reversed());
        for (Map.Entry<String, Float> e : ranked) {
            if (out.size() >= limit * 3) break;
            store.record(e.getKey()).ifPresent(out::add);
        }
        out.sort(Comparator.comparingDouble((WorkRecord r) -> -best.get(r.workId()))
                .thenComparing(Comparator.comparingInt(WorkRecord::references).reversed()));
        return out.subList(0, Math.min(limit, out.size()));
    }
}
