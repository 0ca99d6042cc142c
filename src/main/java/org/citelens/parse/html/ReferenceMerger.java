package org.citelens.parse.html;

import java.util.ArrayList;
import java.util.List;
import org.citelens.model.Reference;

/**
 * Completes the references read from the page's list with what its {@code citation_reference} meta tags say
 * (titles, authors, DOIs the list text lacks). Pairs by position when both have the same length, else by DOI or by
 * first author and year when that pair is unique.
 */
final class ReferenceMerger {
    private ReferenceMerger() {}

    static List<Reference> merge(List<Reference> listed, List<Reference> meta) {
        if (meta.isEmpty()) return listed;
        if (listed.isEmpty()) {
            List<Reference> renamed = new ArrayList<>();
            for (int i = 0; i < meta.size(); i++) renamed.add(withId(meta.get(i), "ref-" + (i + 1)));
            return renamed;
        }
        List<Reference> out = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            Reference l = listed.get(i);
            Reference m = listed.size() == meta.size() ? meta.get(i) : match(l, meta);
            out.add(m == null ? l : combine(l, m));
        }
        return out;
    }

    private static Reference match(Reference l, List<Reference> meta) {
        Reference found = null;
        for (Reference m : meta) {
            boolean same = (l.doi() != null && l.doi().equals(m.doi()))
                    || (l.doi() == null
                            && l.year() != null
                            && l.year().equals(m.year())
                            && l.firstAuthor() != null
                            && m.firstAuthor() != null
                            && l.firstAuthor()
                                    .surname()
                                    .equalsIgnoreCase(m.firstAuthor().surname()));
            if (same) {
                if (found != null) return null;
                found = m;
            }
        }
        return found;
    }

    private static Reference combine(Reference l, Reference m) {
        return new Reference(
                l.id(),
                first(l.doi(), m.doi()),
                first(l.pmid(), m.pmid()),
                l.pmcid(),
                first(l.title(), m.title()),
                l.authors().size() > 1 || m.authors().isEmpty() ? l.authors() : m.authors(),
                first(l.year(), m.year()),
                first(l.source(), m.source()),
                first(l.volume(), m.volume()),
                first(l.pages(), m.pages()),
                l.rawText());
    }

    private static Reference withId(Reference r, String id) {
        return new Reference(
                id,
                r.doi(),
                r.pmid(),
                r.pmcid(),
                r.title(),
                r.authors(),
                r.year(),
                r.source(),
                r.volume(),
                r.pages(),
                r.rawText());
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }
}
