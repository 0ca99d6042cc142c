package org.citelens.solr;

import java.nio.charset.StandardCharsets;
import org.apache.solr.common.SolrInputDocument;
import org.citelens.export.StatementJson;
import org.citelens.index.StatementSchema;
import org.citelens.model.CitationStatement;
import org.citelens.model.Label;
import org.citelens.model.SectionType;

/**
 * A statement as a Solr document: the fields of {@link StatementSchema} under the same names and with the same
 * values, plus the routed unique key. The configset's schema.xml declares the same fields.
 */
final class SolrDocuments {
    /** The collection's unique key: {@code <route key>!<statement id>} (compositeId routing). */
    static final String ROUTED_ID = "id";
    /** The statement id alone, the final tie-break of every sort as in the local index. */
    static final String STATEMENT_ID = "statementId";

    private SolrDocuments() {}

    /**
     * The compositeId route key of a cited work: its DOI, else its work id. compositeId reads {@code /N} in a route
     * key as a bit count and {@code !} as the separator, and DOIs contain both characters: they are percent-escaped.
     */
    static String routeKey(String citedDoi, String citedWorkId) {
        String key = citedDoi != null && !citedDoi.isBlank() ? citedDoi : citedWorkId == null ? "" : citedWorkId;
        StringBuilder b = new StringBuilder(key.length() + 8);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            switch (c) {
                case '%' -> b.append("%25");
                case '/' -> b.append("%2F");
                case '!' -> b.append("%21");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** The {@code _route_} parameter that sends a query about one cited DOI to the one shard holding it. */
    static String route(String citedDoi) {
        return routeKey(citedDoi, null) + "!";
    }

    static String routedId(CitationStatement s) {
        return routeKey(s.cited().doi(), s.cited().workId()) + "!" + s.id();
    }

    static SolrInputDocument toDocument(CitationStatement s) {
        SolrInputDocument d = new SolrInputDocument();
        d.addField(ROUTED_ID, routedId(s));
        d.addField(STATEMENT_ID, s.id());
        keyword(d, StatementSchema.CITED_DOI, s.cited().doi());
        keyword(d, StatementSchema.CITED_WORK_ID, s.cited().workId());
        keyword(d, StatementSchema.CITING_DOI, s.citing().doi());
        keyword(d, StatementSchema.CITING_ARTICLE_ID, s.citing().articleId());
        keyword(d, StatementSchema.LABEL, (s.label() == null ? Label.UNCLASSIFIED : s.label()).wireName());
        keyword(d, StatementSchema.SECTION, (s.section() == null ? SectionType.OTHER : s.section()).wireName());
        keyword(d, StatementSchema.JOURNAL, StatementSchema.journalKey(s.citing().journal()));
        if (s.citing().journal() != null && !s.citing().journal().isBlank()) {
            d.addField(StatementSchema.JOURNAL_NAME, s.citing().journal().strip());
        }
        keyword(d, StatementSchema.SELF_CITATION, Boolean.toString(s.selfCitation()));
        keyword(d, StatementSchema.LABEL_MODEL, s.labelModel());
        d.addField(StatementSchema.SENTENCE, s.sentence() == null ? "" : s.sentence());
        d.addField(StatementSchema.CONTEXT, s.before() + "\n" + s.after());
        if (s.citing().year() != null) d.addField(StatementSchema.YEAR, s.citing().year());
        d.addField(StatementSchema.CONFIDENCE, (float) s.confidence());
        d.addField(StatementSchema.JSON, new String(StatementJson.toBytes(s), StandardCharsets.UTF_8));
        return d;
    }

    static CitationStatement fromJson(Object json) {
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        return StatementJson.fromBytes(bytes);
    }

    private static void keyword(SolrInputDocument d, String field, String value) {
        if (value != null && !value.isBlank()) d.addField(field, value);
    }
}
