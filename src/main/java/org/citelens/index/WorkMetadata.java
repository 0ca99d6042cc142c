package org.citelens.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.citelens.model.ArticleMetadata;
import org.citelens.model.CitationStatement;
import org.citelens.model.CitedWork;

/**
 * A work's metadata as the index knows it, merged from the statements that cite it (the most frequent title,
 * year, first author and journal win, as the references spell them) and, when the work is itself a corpus
 * article, from that article's own metadata, which is authoritative. Statements are the works' store: no
 * separate work documents have to be kept in step with re-ingests.
 */
public final class WorkMetadata {
    /** Enough references to outvote a few misspellings; a work cited more often needs no more to be named. */
    public static final int SAMPLE = 200;

    private WorkMetadata() {}

    static Optional<CitedWork> lookup(IndexSearcher searcher, String doi) throws IOException {
        List<CitationStatement> own = sample(searcher, KeywordField.newExactQuery(StatementSchema.CITING_DOI, doi));
        return merge(
                doi,
                sample(searcher, KeywordField.newExactQuery(StatementSchema.CITED_DOI, doi)),
                own.isEmpty() ? null : own.get(0).citing());
    }

    /**
     * The work's metadata from up to {@link #SAMPLE} statements citing it, in the order given, and from its own
     * article's metadata when it is a corpus article ({@code own}, may be null): what every store answers for a DOI.
     */
    public static Optional<CitedWork> merge(String doi, List<CitationStatement> citing, ArticleMetadata own) {
        Votes title = new Votes();
        Votes year = new Votes();
        Votes author = new Votes();
        Votes journal = new Votes();
        String workId = null;
        for (CitationStatement s : citing) {
            CitedWork w = s.cited();
            workId = w.workId();
            title.add(w.title());
            year.add(w.year() == null ? null : w.year().toString());
            author.add(w.firstAuthor());
            journal.add(w.journal());
        }
        if (workId == null && own == null) return Optional.empty();
        String t = own != null && own.title() != null ? own.title() : title.winner();
        Integer y = own != null && own.year() != null
                ? own.year()
                : year.winner() == null ? null : Integer.valueOf(year.winner());
        String j = own != null && own.journal() != null ? own.journal() : journal.winner();
        return Optional.of(new CitedWork(workId == null ? "doi:" + doi : workId, doi, t, y, author.winner(), j));
    }

    private static java.util.List<CitationStatement> sample(IndexSearcher searcher, Query q) throws IOException {
        TopDocs top = searcher.search(q, SAMPLE);
        StoredFields stored = searcher.storedFields();
        java.util.List<CitationStatement> out = new java.util.ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) out.add(StoredStatements.load(stored, sd.doc));
        return out;
    }

    /** Counts spellings; the most frequent wins, the first seen on a tie. */
    private static final class Votes {
        private final Map<String, Integer> counts = new HashMap<>();
        private String best;

        void add(String v) {
            if (v == null || v.isBlank()) return;
            int n = counts.merge(v, 1, Integer::sum);
            if (best == null || n > counts.get(best)) best = v;
        }

        String winner() {
            return best;
        }
    }
}
