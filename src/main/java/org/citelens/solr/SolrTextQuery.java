package org.citelens.solr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.citelens.index.StatementSchema;

/**
 * Writes the query {@link org.citelens.index.StatementTextQuery} parsed from a user's text as Solr query syntax, so
 * both stores match the same statements: the user's text is parsed once, by our parser (aliases, fallbacks, no
 * regular expressions), never by Solr's. Terms are already analysed, so they go to Solr's {@code term} and
 * {@code prefix} parsers, which do not analyse again, as parameters ({@code v=$tN}): nothing the user typed is ever
 * read as Solr syntax. A phrase is re-analysed by the field's analyzer (the same EnglishAnalyzer class), with a stop
 * word holding each gap so positions come out as in the local index.
 */
final class SolrTextQuery {
    private final Map<String, String> params;
    private int next;

    private SolrTextQuery(Map<String, String> params) {
        this.params = params;
    }

    /** The Solr query for {@code query}, its values added to {@code params} as {@code t0, t1, ...}. */
    static String write(Query query, Map<String, String> params) {
        return new SolrTextQuery(params).write(query);
    }

    private String write(Query q) {
        if (q instanceof BooleanQuery b) return bool(b);
        if (q instanceof TermQuery t) return parser("term", t.getTerm().field(), t.getTerm().text());
        if (q instanceof PrefixQuery p) return parser("prefix", p.getPrefix().field(), p.getPrefix().text());
        if (q instanceof PhraseQuery p) return phrase(p);
        if (q instanceof WildcardQuery w) return w.getField() + ":" + wildcard(w.getTerm().text());
        if (q instanceof FuzzyQuery f) {
            Term t = f.getTerm();
            return t.field() + ":" + escape(t.text()) + "~" + f.getMaxEdits();
        }
        if (q instanceof PointRangeQuery r && r.getField().equals(StatementSchema.YEAR) && r.getNumDims() == 1) {
            int lo = IntPoint.decodeDimension(r.getLowerPoint(), 0);
            int hi = IntPoint.decodeDimension(r.getUpperPoint(), 0);
            return StatementSchema.YEAR + ":[" + (lo == Integer.MIN_VALUE ? "*" : lo) + " TO "
                    + (hi == Integer.MAX_VALUE ? "*" : hi) + "]";
        }
        if (q instanceof BoostQuery b) return "(" + write(b.getQuery()) + ")^" + b.getBoost();
        if (q instanceof ConstantScoreQuery c) return write(c.getQuery());
        if (q instanceof IndexOrDocValuesQuery i) return write(i.getIndexQuery());
        // IntField's range and exact queries, in Lucene 10 wrapped for indexes sorted by the field
        if (q instanceof IndexSortSortedNumericDocValuesRangeQuery r) return write(r.getFallbackQuery());
        if (q instanceof MatchAllDocsQuery) return "*:*";
        if (q instanceof MatchNoDocsQuery) return nothing();
        throw new IllegalArgumentException("no Solr form for " + q.getClass().getSimpleName() + ": " + q);
    }

    private String bool(BooleanQuery b) {
        List<String> parts = new ArrayList<>();
        boolean positive = false;
        for (BooleanClause c : b.clauses()) {
            String inner = "(" + write(c.query()) + ")";
            switch (c.occur()) {
                case MUST, FILTER -> {
                    parts.add("+" + inner);
                    positive = true;
                }
                case SHOULD -> {
                    parts.add(inner);
                    positive = true;
                }
                case MUST_NOT -> parts.add("-" + inner);
            }
        }
        // Lucene matches nothing with only negative clauses, where Solr would add *:*: keep Lucene's meaning
        if (!positive) return nothing();
        if (b.getMinimumNumberShouldMatch() > 0) {
            throw new IllegalArgumentException("minimum-should-match clauses have no Solr form here");
        }
        return String.join(" ", parts);
    }

    private String phrase(PhraseQuery p) {
        Term[] terms = p.getTerms();
        int[] positions = p.getPositions();
        if (terms.length == 0) return nothing();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < terms.length; i++) {
            if (i > 0) {
                // "the" is an English stop word: the analyzer drops it and leaves its position empty
                for (int gap = positions[i] - positions[i - 1] - 1; gap > 0; gap--) text.append(" the");
                text.append(' ');
            }
            text.append(terms[i].text());
        }
        StringBuilder quoted = new StringBuilder();
        for (char c : text.toString().toCharArray()) {
            if (c == '"' || c == '\\') quoted.append('\\');
            quoted.append(c);
        }
        return terms[0].field() + ":\"" + quoted + "\"" + (p.getSlop() > 0 ? "~" + p.getSlop() : "");
    }

    private String parser(String parser, String field, String value) {
        // in parentheses: a query string that starts with local params is read as one query of that parser
        return "({!" + parser + " f=" + field + " v=$" + param(value) + "})";
    }

    private String param(String value) {
        String name = "t" + next++;
        params.put(name, value);
        return name;
    }

    private static String nothing() {
        return "(-*:* AND *:*)";
    }

    private static String wildcard(String text) {
        StringBuilder b = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?') b.append(c);
            else b.append(escape(String.valueOf(c)));
        }
        return b.toString();
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\\+-!():^[]\"{}~*?|&;/ ".indexOf(c) >= 0 || Character.isWhitespace(c)) b.append('\\');
            b.append(c);
        }
        return b.toString();
    }
}
