package org.citelens.index;

import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.citelens.model.Doi;
import org.citelens.model.Label;
import org.citelens.model.SectionType;

/**
 * Turns what a user typed into a query over statements: Lucene's classic syntax (phrases, AND/OR/NOT, +/-,
 * wildcards, {@code field:value} for a few friendly field names) where it parses, the plain words otherwise.
 * Never throws: odd input degrades to a word search, and text without searchable words matches nothing.
 */
public final class StatementTextQuery {
    /** Friendly names users type, mapped to index fields. Unknown names are read as words of the text. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("text", StatementSchema.SENTENCE),
            Map.entry("sentence", StatementSchema.SENTENCE),
            Map.entry("context", StatementSchema.CONTEXT),
            Map.entry("label", StatementSchema.LABEL),
            Map.entry("type", StatementSchema.LABEL),
            Map.entry("section", StatementSchema.SECTION),
            Map.entry("year", StatementSchema.YEAR),
            Map.entry("journal", StatementSchema.JOURNAL),
            Map.entry("cited", StatementSchema.CITED_DOI),
            Map.entry("doi", StatementSchema.CITED_DOI),
            Map.entry("citing", StatementSchema.CITING_DOI),
            Map.entry("self", StatementSchema.SELF_CITATION),
            Map.entry("selfcitation", StatementSchema.SELF_CITATION));

    private final Analyzer analyzer;

    public StatementTextQuery(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    public Query parse(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            Query q = new FriendlyParser(analyzer).parse(text);
            return q == null ? new MatchNoDocsQuery("no searchable words") : q;
        } catch (ParseException | RuntimeException e) {
            // e.g. unbalanced quotes, a lone AND, "10.1006/meth" read as a regexp, too many clauses
            return plainWords(text);
        }
    }

    /** Every word must occur in the sentence, whatever syntax characters surround it. */
    public Query plainWords(String text) {
        Query q =
                new QueryBuilder(analyzer).createBooleanQuery(StatementSchema.SENTENCE, text, BooleanClause.Occur.MUST);
        return q == null ? new MatchNoDocsQuery("no searchable words") : q;
    }

    /** Not thread-safe (the classic parser keeps state): one per parse. */
    private static final class FriendlyParser extends QueryParser {
        FriendlyParser(Analyzer analyzer) {
            super(StatementSchema.SENTENCE, analyzer);
            setDefaultOperator(QueryParser.AND_OPERATOR);
        }

        private static String resolve(String field) {
            return ALIASES.get(field.toLowerCase(Locale.ROOT));
        }

        private static boolean isText(String field) {
            return field.equals(StatementSchema.SENTENCE) || field.equals(StatementSchema.CONTEXT);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            String f = resolve(field);
            if (f == null) {
                // "Note: drought" is not a field search: keep both as words of the sentence
                return super.getFieldQuery(StatementSchema.SENTENCE, field + " " + queryText, quoted);
            }
            if (isText(f)) return super.getFieldQuery(f, queryText, quoted);
            return exact(f, queryText);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
            String f = resolve(field);
            if (f != null && !isText(f)) return exact(f, queryText);
            return super.getFieldQuery(f == null ? StatementSchema.SENTENCE : f, queryText, slop);
        }

        @Override
        protected Query getRangeQuery(
                String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
                throws ParseException {
            if (!StatementSchema.YEAR.equals(resolve(field))) throw new ParseException("ranges only on year");
            int lo = part1 == null || part1.equals("*") ? Integer.MIN_VALUE : year(part1) + (startInclusive ? 0 : 1);
            int hi = part2 == null || part2.equals("*") ? Integer.MAX_VALUE : year(part2) - (endInclusive ? 0 : 1);
            return IntField.newRangeQuery(StatementSchema.YEAR, lo, hi);
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            return super.getWildcardQuery(textField(field), termStr);
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            return super.getPrefixQuery(textField(field), termStr);
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            return super.getFuzzyQuery(textField(field), termStr, minSimilarity);
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            // regular expressions can be made arbitrarily expensive: read "/.../" as words instead
            throw new ParseException("regular expressions are not supported");
        }

        private static String textField(String field) throws ParseException {
            String f = resolve(field);
            if (f == null) return StatementSchema.SENTENCE;
            if (!isText(f)) throw new ParseException("wildcards only in text");
            return f;
        }

        private static Query exact(String field, String value) throws ParseException {
            String v = value.strip();
            try {
                return switch (field) {
                    case StatementSchema.YEAR -> IntField.newExactQuery(field, year(v));
                    case StatementSchema.LABEL ->
                        KeywordField.newExactQuery(field, Label.fromWireName(v).wireName());
                    case StatementSchema.SECTION ->
                        KeywordField.newExactQuery(
                                field, SectionType.fromWireName(v).wireName());
                    case StatementSchema.JOURNAL -> KeywordField.newExactQuery(field, StatementSchema.journalKey(v));
                    case StatementSchema.CITED_DOI, StatementSchema.CITING_DOI ->
                        KeywordField.newExactQuery(
                                field,
                                Doi.normalize(v).orElseThrow(() -> new IllegalArgumentException("not a DOI: " + v)));
                    case StatementSchema.SELF_CITATION ->
                        KeywordField.newExactQuery(field, Boolean.toString(Boolean.parseBoolean(v)));
                    default -> throw new ParseException("no exact field " + field);
                };
            } catch (IllegalArgumentException e) {
                throw new ParseException(e.getMessage());
            }
        }

        private static int year(String v) throws ParseException {
            try {
                return Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                throw new ParseException("not a year: " + v);
            }
        }
    }
}
