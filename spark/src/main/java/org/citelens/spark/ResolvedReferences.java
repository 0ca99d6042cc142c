package org.citelens.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.citelens.model.CitedWork;
import org.citelens.model.Reference;

/**
 * The outcome of the ordered register and resolve passes, broadcast to the executors: for each kept file, the work
 * each reference id names. Only files listed here go on to extraction (a duplicate or unparsable file is absent).
 */
final class ResolvedReferences implements Serializable {
    private final HashMap<String, HashMap<String, CitedWork>> byPath = new HashMap<>();

    void put(String path, Map<String, CitedWork> byRefId) {
        byPath.put(path, new HashMap<>(byRefId));
    }

    boolean kept(String path) {
        return byPath.containsKey(path);
    }

    int files() {
        return byPath.size();
    }

    /**
     * What the extractor asks for each reference with a statement: the work the driver's registry resolved it to.
     * The extractor asks by the article's own references, keyed by id with the first of a repeated id winning, as
     * the driver's table was built.
     */
    Function<Reference, CitedWork> citedWorks(String path) {
        Map<String, CitedWork> works = byPath.get(path);
        return ref -> {
            CitedWork w = works.get(ref.id());
            if (w == null) throw new IllegalStateException("no resolution for reference " + ref.id() + " of " + path);
            return w;
        };
    }
}
