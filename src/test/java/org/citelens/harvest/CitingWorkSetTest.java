package org.citelens.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** De-duplication across sources, and OpenCitations' identifier bags. */
class CitingWorkSetTest {
    @Test
    void aWorkThatLinksTwoDescriptionsMergesThemAll() {
        CitingWorkSet set = new CitingWorkSet();
        set.add(new CitingWork("10.1/A", null, null, null, Set.of("opencitations"), false));
        set.add(new CitingWork(null, "123", null, null, Set.of("opencitations"), false));
        set.add(new CitingWork(null, null, "pmc9", "T", Set.of("europepmc"), true));
        assertEquals(3, set.sorted().size());
        set.add(new CitingWork("10.1/a", "123", "PMC9", null, Set.of("europepmc"), false));
        List<CitingWork> works = set.sorted();
        assertEquals(1, works.size());
        CitingWork w = works.get(0);
        assertEquals("10.1/a", w.doi());
        assertEquals("123", w.pmid());
        assertEquals("PMC9", w.pmcid());
        assertEquals("T", w.title());
        assertEquals(Set.of("opencitations", "europepmc"), w.sources());
        assertEquals(true, w.openInEuropePmc());
        assertEquals("doi:10.1/a", w.key());
        assertEquals(1, set.duplicates());
    }

    @Test
    void theIdentifierBagGivesDoiPmidPmcidAndNothingForAnOmidAlone() {
        CitingWork w = OpenCitationsClient.fromBag("omid:br/06101801781 doi:10.7717/PEERJ-CS.421 pmid:33817056");
        assertEquals("10.7717/peerj-cs.421", w.doi());
        assertEquals("33817056", w.pmid());
        assertNull(w.pmcid());
        assertNull(OpenCitationsClient.fromBag("omid:br/06101801781"));
        assertNull(OpenCitationsClient.fromBag(null));
    }

    @Test
    void cacheKeysLeaveTheContactAddressOut() {
        assertEquals(
                "https://api.unpaywall.org/v2/10.1/a",
                ResponseCache.keyUrl("https://api.unpaywall.org/v2/10.1/a?email=me%40example.org"));
        assertEquals("https://x/search?a=1&b=2", ResponseCache.keyUrl("https://x/search?a=1&email=me&b=2"));
        assertEquals("10.1/a%3Fb%23c%20d", SourceJson.path("10.1/a?b#c d"));
    }
}
