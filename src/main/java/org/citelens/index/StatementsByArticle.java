package org.citelens.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.citelens.model.CitationStatement;

/** Reads an index one citing article at a time: what a relabel needs to replace each article's statements whole. */
public final class StatementsByArticle {
    private final IndexReader reader;
    private final IndexSearcher searcher;

    public StatementsByArticle(IndexReader reader) {
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
    }

    /** Citing articles with at least one statement not labelled by {@code model}, in id order. */
    public List<String> articlesNotLabelledBy(String model) throws IOException {
        List<String> out = new ArrayList<>();
        Terms terms = MultiTerms.getTerms(reader, StatementSchema.CITING_ARTICLE_ID);
        if (terms == null) return out;
        TermsEnum it = terms.iterator();
        for (BytesRef t = it.next(); t != null; t = it.next()) {
            String article = t.utf8ToString();
            Query stale = new BooleanQuery.Builder()
                    .add(
                            new TermQuery(new Term(StatementSchema.CITING_ARTICLE_ID, article)),
                            BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(StatementSchema.LABEL_MODEL, model)), BooleanClause.Occur.MUST_NOT)
                    .build();
            if (searcher.count(stale) > 0) out.add(article);
        }
        return out;
    }

    /** How many citing articles have statements in the index. */
    public long articleCount() throws IOException {
        Terms terms = MultiTerms.getTerms(reader, StatementSchema.CITING_ARTICLE_ID);
        if (terms == null) return 0;
        long n = 0;
        TermsEnum it = terms.iterator();
        while (it.next() != null) n++;
        return n;
    }

    /** Statements labelled by {@code model}, and all statements. */
    public long[] countLabelledBy(String model) throws IOException {
        return new long[] {
            searcher.count(new TermQuery(new Term(StatementSchema.LABEL_MODEL, model))),
            searcher.count(new MatchAllDocsQuery())
        };
    }

    /** Every statement of one citing article, in sentence order. */
    public List<CitationStatement> statementsOf(String citingArticleId) throws IOException {
        TermQuery q = new TermQuery(new Term(StatementSchema.CITING_ARTICLE_ID, citingArticleId));
        int n = searcher.count(q);
        List<CitationStatement> out = new ArrayList<>(n);
        if (n == 0) return out;
        StoredFields stored = reader.storedFields();
        for (ScoreDoc sd : searcher.search(q, n).scoreDocs) out.add(StoredStatements.load(stored, sd.doc));
        out.sort(Comparator.comparingInt(CitationStatement::sentencePosition).thenComparing(CitationStatement::id));
        return out;
    }
}
