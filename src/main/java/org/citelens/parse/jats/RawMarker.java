package org.citelens.parse.jats;

import java.util.List;

/** One {@code xref ref-type="bibr"} as found in a paragraph: its text span and its targets as written. */
record RawMarker(int start, int end, List<String> rids) {
    RawMarker {
        rids = List.copyOf(rids);
    }
}
