package org.citelens.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citelens.index.StatementSchema;
import org.citelens.index.StatementTextQuery;
import org.junit.jupiter.api.Test;

/** What travels to Solr, without a cluster: route keys, the query text as Solr syntax, the node URLs. */
class SolrQueryFormsTest {
    private final StatementTextQuery parser = new StatementTextQuery(StatementSchema.analyzer());

    @Test
    void routeKeysEscapeWhatCompositeIdWouldReadAsSyntax() {
        // "/16" would be read as a bit count and "!" as the separator: a DOI holds both
        assertEquals("10.1006%2Fmeth.2001.1262!", SolrDocuments.route("10.1006/meth.2001.1262"));
        assertEquals("10.1000%2Fa%21b%2516", SolrDocuments.routeKey("10.1000/a!b%16", null));
        assertEquals("key:livak|2001", SolrDocuments.routeKey(null, "key:livak|2001"));
    }

    @Test
    void termsTravelAsParametersNeverAsSyntax() {
        Map<String, String> params = new LinkedHashMap<>();
        String q = SolrTextQuery.write(parser.parse("drought AND NOT rice"), params);
        assertEquals("+(({!term f=sentence v=$t0})) -(({!term f=sentence v=$t1}))", q);
        assertEquals(Map.of("t0", "drought", "t1", "rice"), params);
    }

    @Test
    void aPhraseKeepsTheGapsOfItsStopWords() {
        Map<String, String> params = new LinkedHashMap<>();
        // "with" and "an" are English stop words: the analyzer leaves two empty positions between the stems
        String q = SolrTextQuery.write(parser.parse("\"consistent with an earlier\""), params);
        assertEquals("sentence:\"consist the the earlier\"", q);
        assertTrue(params.isEmpty());
    }

    @Test
    void onlyNegativeClausesMatchNothingAsInLucene() {
        Map<String, String> params = new LinkedHashMap<>();
        assertEquals("(-*:* AND *:*)", SolrTextQuery.write(parser.parse("NOT rice"), params));
    }

    @Test
    void yearRangesAndPrefixes() {
        Map<String, String> params = new LinkedHashMap<>();
        String q = SolrTextQuery.write(parser.parse("year:[2015 TO *] wat*"), params);
        assertEquals("+(year:[2015 TO *]) +(({!prefix f=sentence v=$t0}))", q);
        assertEquals("wat", params.get("t0"));
    }

    @Test
    void nodeUrlsAreCheckedAtTheBoundary() {
        assertEquals(
                List.of("http://a:8983/solr", "http://b:8983/solr"),
                SolrConnection.parseUrls("http://a:8983/solr/, http://b:8983/solr"));
        assertThrows(IllegalArgumentException.class, () -> SolrConnection.parseUrls("solr1:8983"));
        assertThrows(IllegalArgumentException.class, () -> SolrConnection.parseUrls(" , "));
        assertThrows(IllegalArgumentException.class, () -> SolrConnection.open("http://a:8983/solr", "bad name"));
    }
}
