package org.citelens.parse.jats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.citelens.model.Reference;

/** Positions of the references in their list, and their printed numbers, for expanding ranges ("3–5"). */
final class ReferenceIndex {
    private final List<Reference> references;
    private final Map<String, Integer> positions = new HashMap<>();
    private final Map<Integer, Integer> byNumber = new HashMap<>();
    private final Map<String, Integer> numberById = new HashMap<>();

    /** @param labels the printed label of each reference ("12", "[12]", "12."), null where there is none */
    ReferenceIndex(List<Reference> references, List<String> labels) {
        this.references = references;
        boolean labelled = labels.stream().anyMatch(l -> number(l) != null);
        for (int i = 0; i < references.size(); i++) {
            String id = references.get(i).id();
            positions.putIfAbsent(id, i);
            // without printed labels, numeric styles number the list in order
            Integer n = labelled ? number(labels.get(i)) : Integer.valueOf(i + 1);
            if (n != null) {
                byNumber.putIfAbsent(n, i);
                numberById.putIfAbsent(id, n);
            }
        }
    }

    boolean contains(String id) {
        return positions.containsKey(id);
    }

    /** Position in the reference list, or -1 for an id the list does not hold. */
    int position(String id) {
        return positions.getOrDefault(id, -1);
    }

    String idAt(int position) {
        return references.get(position).id();
    }

    /** The printed number of a reference, or null. */
    Integer numberOf(String id) {
        return numberById.get(id);
    }

    /** The id of the reference printed with this number, or null. */
    String idForNumber(int number) {
        Integer pos = byNumber.get(number);
        return pos == null ? null : idAt(pos);
    }

    private static Integer number(String label) {
        if (label == null) return null;
        String digits = label.replaceAll("[\\s\\[\\]().]", "");
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(Character::isDigit)) return null;
        return Integer.valueOf(digits);
    }
}
