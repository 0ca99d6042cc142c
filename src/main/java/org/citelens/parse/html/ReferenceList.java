package org.citelens.parse.html;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citelens.model.Reference;
import org.jsoup.nodes.Element;

/**
 * A page's references in list order, the list entries that hold them (so the body walker skips them), and the in-text
 * anchors that point at them with their target reference ids.
 */
record ReferenceList(List<Reference> references, Set<Element> entries, Map<Element, List<String>> anchors) {
    ReferenceList {
        references = List.copyOf(references);
    }

    static ReferenceList empty() {
        return new ReferenceList(
                List.of(), Collections.newSetFromMap(new IdentityHashMap<>()), new IdentityHashMap<>());
    }

    /** Position of each reference id in list order, for range expansion. */
    Map<String, Integer> positions() {
        Map<String, Integer> pos = new HashMap<>();
        for (int i = 0; i < references.size(); i++)
            pos.putIfAbsent(references.get(i).id(), i);
        return pos;
    }

    ReferenceList withReferences(List<Reference> refs) {
        return new ReferenceList(refs, entries, anchors);
    }
}
