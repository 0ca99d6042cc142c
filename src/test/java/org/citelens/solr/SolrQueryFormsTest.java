package org.citelens.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.citelens.index.StatementQuery;
import org.citelens.model.Label;
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
    void termsListsTakeASeparatorNoneOfTheirValuesHolds() {
        Map<String, String> params = new LinkedHashMap<>();
        String q = SolrFilters.termsOf(params, "citedDoi", List.of("10.1000/a,b", "10.1000/c"));
        assertEquals("({!terms f=citedDoi method=termsFilter separator=$f1 v=$f0})", q);
        assertEquals("10.1000/a,b\n10.1000/c", params.get("f0"));
        assertEquals("\n", params.get("f1"));
        params.clear();
        SolrFilters.termsOf(params, "citedDoi", List.of("10.1000/a\nb", "10.1000/c"));
        assertEquals("\u001f", params.get("f1"));
    }

    @Test
    void reviewedLabelsJudgeTheirStatementsInTheLabelFilter() {
        StatementQuery q = new StatementQuery(
                        null, null, null, null, Set.of(Label.CONTRASTING), null, null, null, null, null, null, null, 10)
                .withNoticesAndReviews(Set.of(), Map.of("10.1000/r", 2012), Map.of("s1", Label.CONTRASTING, "s2", Label.MENTIONING));
        ModifiableSolrParams p = SolrFilters.params(q, null);
        List<String> fq = List.of(p.getParams("fq"));
        assertEquals(3, fq.size(), fq.toString());
        // (indexed contrasting and not reviewed) or reviewed to contrasting
        assertTrue(fq.get(0).startsWith("((({!term f=label v=$f0})) AND -(({!terms f=statementId"), fq.get(0));
        assertTrue(fq.get(0).endsWith(" OR (({!terms f=statementId method=termsFilter separator=$f4 v=$f3}))"), fq.get(0));
        assertEquals("s1", p.get("f3"));
        // no work with the notice: nothing; cited after 2012: the work and a later year
        assertEquals(SolrFilters.NOTHING, fq.get(1));
        assertTrue(fq.get(2).endsWith(" AND year:[2013 TO *])"), fq.get(2));
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
