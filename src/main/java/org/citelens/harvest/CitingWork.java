package org.citelens.harvest;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A work that cites the harvested DOI, as the sources describe it. Identifiers are normalised (DOI lower case,
 * PMCID upper case with its {@code PMC} prefix, PMID digits); any may be null.
 *
 * @param sources the sources that listed it ({@code opencitations}, {@code europepmc})
 * @param openInEuropePmc Europe PMC says it holds the open-access full text (JATS) under {@code pmcid}
 */
public record CitingWork(
        String doi, String pmid, String pmcid, String title, Set<String> sources, boolean openInEuropePmc) {
    public CitingWork {
        doi = blankToNull(doi) == null ? null : doi.strip().toLowerCase(Locale.ROOT);
        pmid = blankToNull(pmid);
        pmcid = normalizePmcid(pmcid);
        title = blankToNull(title);
        sources = Set.copyOf(new TreeSet<>(sources));
    }

    /** A stable key naming the work in state, report and file names: its DOI, else PMCID, else PMID. */
    public String key() {
        if (doi != null) return "doi:" + doi;
        if (pmcid != null) return "pmcid:" + pmcid;
        return "pmid:" + pmid;
    }

    boolean sharesAnIdentifierWith(CitingWork o) {
        return (doi != null && doi.equals(o.doi))
                || (pmcid != null && pmcid.equals(o.pmcid))
                || (pmid != null && pmid.equals(o.pmid));
    }

    /** The two descriptions of one work combined: identifiers either gives, sources of both. */
    CitingWork mergedWith(CitingWork o) {
        Set<String> both = new TreeSet<>(sources);
        both.addAll(o.sources);
        return new CitingWork(
                doi != null ? doi : o.doi,
                pmid != null ? pmid : o.pmid,
                pmcid != null ? pmcid : o.pmcid,
                title != null ? title : o.title,
                both,
                openInEuropePmc || o.openInEuropePmc);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String normalizePmcid(String s) {
        String v = blankToNull(s);
        if (v == null) return null;
        v = v.toUpperCase(Locale.ROOT);
        return v.startsWith("PMC") ? v : "PMC" + v;
    }
}
