package org.citelens.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Marks a query's terms in a citing sentence with {@code <mark>} and the statement's own citation marker with
 * {@code <mark class="marker">}; everything else is HTML-escaped, so the result can go straight into a page.
 * The sentence is re-analysed with the index analyzer, so "plants" is marked for a query on "plant".
 * Terms under NOT are never marked. Immutable per query; safe to use from one thread per search.
 */
public final class StatementHighlighter {
    private final Analyzer analyzer;
    private final Set<String> terms = new HashSet<>();
    private final List<ByteRunAutomaton> patterns = new ArrayList<>();

    public StatementHighlighter(Analyzer analyzer, Query query) {
        this.analyzer = analyzer;
        if (query != null) query.visit(new TermGatherer());
    }

    public String highlight(String sentence, String marker) {
        if (sentence == null) return "";
        int n = sentence.length();
        boolean[] term = new boolean[n];
        for (int[] span : matchingTokens(sentence)) {
            for (int i = Math.max(0, span[0]); i < Math.min(n, span[1]); i++) term[i] = true;
        }
        int[] m = MarkerLocator.find(sentence, marker);
        StringBuilder out = new StringBuilder(n + 64);
        boolean inMarker = false;
        boolean inTerm = false;
        for (int i = 0; i <= n; i++) {
            boolean wantMarker = m != null && i >= m[0] && i < m[1];
            boolean wantTerm = i < n && term[i];
            // the marker tag is the outer one: close the term before the marker opens or closes
            if (inTerm && (!wantTerm || wantMarker != inMarker)) {
                out.append("</mark>");
                inTerm = false;
            }
            if (inMarker && !wantMarker) out.append("</mark>");
            if (!inMarker && wantMarker) out.append("<mark class=\"marker\">");
            inMarker = wantMarker;
            if (!inTerm && wantTerm) {
                out.append("<mark>");
                inTerm = true;
            }
            if (i < n) escape(sentence, i, i + 1, out);
        }
        return out.toString();
    }

    private List<int[]> matchingTokens(String sentence) {
        List<int[]> spans = new ArrayList<>();
        if (terms.isEmpty() && patterns.isEmpty()) return spans;
        try (TokenStream ts = analyzer.tokenStream(StatementSchema.SENTENCE, sentence)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (matches(term.toString())) spans.add(new int[] {offset.startOffset(), offset.endOffset()});
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysing a String cannot fail
        }
        return spans;
    }

    private boolean matches(String token) {
        if (terms.contains(token)) return true;
        if (patterns.isEmpty()) return false;
        BytesRef bytes = new BytesRef(token);
        for (ByteRunAutomaton a : patterns) {
            if (a.run(bytes.bytes, bytes.offset, bytes.length)) return true;
        }
        return false;
    }

    static void escape(String s, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    /** Collects the sentence-field terms and term patterns (wildcards, prefixes, fuzzy) of the positive clauses. */
    private final class TermGatherer extends QueryVisitor {
        @Override
        public boolean acceptField(String field) {
            return StatementSchema.SENTENCE.equals(field);
        }

        @Override
        public void consumeTerms(Query query, Term... queryTerms) {
            for (Term t : queryTerms) {
                if (acceptField(t.field())) terms.add(t.text());
            }
        }

        @Override
        public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
            if (acceptField(field)) patterns.add(automaton.get());
        }

        @Override
        public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
        }
    }
}
