package org.citelens.harvest;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The citing works of one DOI, from every source: OpenCitations' citations, Europe PMC's {@code CITES:} search and
 * its citations module, merged into one list by DOI, PMID and PMCID. A source that fails is reported and the others
 * still count, so one unreachable source narrows the answer instead of stopping it.
 */
final class CitingWorksLister {
    /**
     * @param found works per source, after the source's own de-duplication; a failed source is absent
     * @param errors why a source failed
     * @param duplicates works more than one source listed (folded into one)
     * @param works the merged list in key order
     */
    record Listing(
            String doi, Map<String, Integer> found, List<String> errors, int duplicates, List<CitingWork> works) {}

    private final OpenCitationsClient openCitations;
    private final EuropePmcClient europePmc;
    private final PrintStream log;

    CitingWorksLister(OpenCitationsClient openCitations, EuropePmcClient europePmc, PrintStream log) {
        this.openCitations = openCitations;
        this.europePmc = europePmc;
        this.log = log;
    }

    Listing list(String doi) {
        CitingWorkSet all = new CitingWorkSet();
        Map<String, Integer> found = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        try {
            List<CitingWork> oc = openCitations.citing(doi);
            CitingWorkSet own = new CitingWorkSet();
            oc.forEach(own::add);
            found.put(OpenCitationsClient.SOURCE, own.sorted().size());
            own.sorted().forEach(all::add);
        } catch (IOException e) {
            errors.add("OpenCitations: " + e.getMessage());
        }
        try {
            Optional<EuropePmcClient.Record> rec = europePmc.find(doi);
            CitingWorkSet own = new CitingWorkSet();
            if (rec.isPresent()) {
                europePmc.citingBySearch(rec.get()).forEach(own::add);
                europePmc.citingByCitationsModule(rec.get()).forEach(own::add);
            }
            found.put(EuropePmcClient.SOURCE, own.sorted().size());
            own.sorted().forEach(all::add);
        } catch (IOException e) {
            errors.add("Europe PMC: " + e.getMessage());
        }
        List<CitingWork> works = all.sorted();
        log.printf(
                "harvest list: %s: %s -> %d citing works%s%n",
                doi, found, works.size(), errors.isEmpty() ? "" : "; failed: " + errors);
        return new Listing(doi, found, errors, all.duplicates(), works);
    }
}
