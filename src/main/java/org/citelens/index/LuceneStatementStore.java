package org.citelens.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.citelens.model.CitationStatement;
import org.citelens.model.CitedWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link StatementStore} over a Lucene index folder written by {@link StatementIndexWriter}, possibly by
 * another process while this one reads: a {@link SearcherManager} reopens the reader (only the changed segments)
 * every second and on {@link #refresh()}, so a server sees an ingest's commits without restarting.
 * Open with {@link #open(Path)}; close when done. Thread-safe.
 */
public final class LuceneStatementStore implements StatementStore {
    private static final Logger LOG = LoggerFactory.getLogger(LuceneStatementStore.class);
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(1);

    private final Directory directory;
    private final SearcherManager searchers;
    private final ScheduledExecutorService refresher;
    private final Analyzer analyzer = StatementSchema.analyzer();
    private final StatementTextQuery textQuery = new StatementTextQuery(analyzer);
    private final StatementFilters filters = new StatementFilters(textQuery);
    private final ReaderAggregateCache tallyCache = new ReaderAggregateCache();
    private final CoverageFile coverage;

    private LuceneStatementStore(
            Directory directory, SearcherManager searchers, Duration refreshEvery, CoverageFile coverage) {
        this.directory = directory;
        this.coverage = coverage;
        this.searchers = searchers;
        this.refresher = DaemonScheduler.named("citelens-index-refresh");
        long ms = Math.max(10, refreshEvery.toMillis());
        refresher.scheduleWithFixedDelay(this::refreshQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Opens the index in {@code indexDir}, refreshing every second; IOException naming the folder when none is there. */
    public static LuceneStatementStore open(Path indexDir) throws IOException {
        return open(indexDir, DEFAULT_REFRESH);
    }

    public static LuceneStatementStore open(Path indexDir, Duration refreshEvery) throws IOException {
        if (!Files.isDirectory(indexDir)) {
            throw new IOException("no index at " + indexDir + ": the folder does not exist (run ingest first)");
        }
        Directory dir = FSDirectory.open(indexDir);
        try {
            if (!DirectoryReader.indexExists(dir)) {
                throw new IndexNotFoundException(
                        "no index at " + indexDir + ": the folder holds no Citelens index (run ingest first)");
            }
            return new LuceneStatementStore(
                    dir, new SearcherManager(dir, null), refreshEvery, new CoverageFile(indexDir));
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    @Override
    public Optional<Tallies> tallies(String doi) throws IOException {
        return withSearcher(s -> tallyCache.get(s, doi).map(a -> withCoverage(a.tallies())));
    }

    @Override
    public Map<String, Tallies> tallies(Collection<String> dois) throws IOException {
        return withSearcher(s -> {
            Map<String, Tallies> out = new HashMap<>();
            tallyCache
                    .getAll(s, new LinkedHashSet<>(dois))
                    .forEach((doi, agg) -> out.put(doi, withCoverage(agg.tallies())));
            return out;
        });
    }

    @Override
    public Optional<SectionTallies> sectionTallies(String doi) throws IOException {
        return withSearcher(s -> tallyCache.get(s, doi).map(CitationAggregate::sectionTallies));
    }

    @Override
    public SortedMap<Integer, Long> citingPublicationsPerYear(String doi) throws IOException {
        return withSearcher(s -> {
            return tallyCache
                    .get(s, doi)
                    .map(CitationAggregate::citingPublicationsPerYear)
                    .orElseGet(TreeMap::new);
        });
    }

    @Override
    public Optional<CitedWork> work(String doi) throws IOException {
        return withSearcher(s -> WorkMetadata.lookup(s, doi));
    }

    @Override
    public boolean holdsWork(String doi) throws IOException {
        if (doi == null || doi.isBlank()) return false;
        return withSearcher(s -> s.count(new TermQuery(new Term(StatementSchema.CITED_DOI, doi))) > 0
                || s.count(new TermQuery(new Term(StatementSchema.CITING_DOI, doi))) > 0);
    }

    @Override
    public Optional<CitationStatement> statement(String id) throws IOException {
        if (id == null || id.isBlank()) return Optional.empty();
        return withSearcher(s -> {
            ScoreDoc[] hits = s.search(new TermQuery(new Term(StatementSchema.ID, id)), 1).scoreDocs;
            return hits.length == 0
                    ? Optional.empty()
                    : Optional.of(StoredStatements.load(s.storedFields(), hits[0].doc));
        });
    }

    /**
     * {@inheritDoc} A malformed cursor, or one from another sort, is an IllegalArgumentException (a 400 for
     * the API); so is a limit below 1.
     */
    @Override
    public SearchPage search(StatementQuery query, boolean withFacets) throws IOException {
        if (query.limit() < 1) throw new IllegalArgumentException("limit must be at least 1, not " + query.limit());
        FieldDoc after = query.cursor() == null || query.cursor().isBlank()
                ? null
                : SearchCursor.decode(query.sort(), query.cursor());
        Query lucene = filters.toLucene(query);
        Sort sort = SearchCursor.sort(query.sort());
        return withSearcher(s -> {
            // one more than asked tells whether a next page exists without a second query
            int n = query.limit() == Integer.MAX_VALUE ? query.limit() : query.limit() + 1;
            TopFieldDocs top = after == null || s.getIndexReader().maxDoc() == 0
                    ? s.search(lucene, n, sort, true)
                    : s.searchAfter(
                            SearchCursor.inReader(after, s.getIndexReader().maxDoc()), lucene, n, sort, true);
            int shown = Math.min(top.scoreDocs.length, query.limit());
            StatementHighlighter highlighter = new StatementHighlighter(analyzer, textQuery.parse(query.text()));
            StoredFields stored = s.storedFields();
            List<StatementHit> hits = new ArrayList<>(shown);
            for (int i = 0; i < shown; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                CitationStatement st = StoredStatements.load(stored, sd.doc);
                hits.add(new StatementHit(
                        st, Float.isNaN(sd.score) ? 0f : sd.score, highlighter.highlight(st.sentence(), st.marker())));
            }
            String next = top.scoreDocs.length > shown
                    ? SearchCursor.encode(query.sort(), (FieldDoc) top.scoreDocs[shown - 1])
                    : null;
            if (withFacets) {
                FacetCounter.Result facets = FacetCounter.count(s, lucene);
                return new SearchPage(
                        facets.total(),
                        hits,
                        ReviewedFacets.adjust(s, lucene, query.reviewedLabels(), facets.facets()),
                        next);
            }
            return new SearchPage(s.count(lucene), hits, Map.of(), next);
        });
    }

    /**
     * {@inheritDoc} Order: index order of one point-in-time view (segment by segment), which a concurrent
     * ingest cannot change mid-stream. Memory does not grow with the number of statements streamed.
     */
    @Override
    public void forEach(StatementQuery query, Consumer<CitationStatement> sink) throws IOException {
        Query lucene = filters.toLucene(query);
        withSearcher(s -> {
            MatchingDocs.visit(s, lucene, leaf -> {
                StoredFields stored = leaf.reader().storedFields();
                return doc -> sink.accept(StoredStatements.load(stored, doc));
            });
            return null;
        });
    }

    @Override
    public long statementCount() throws IOException {
        return withSearcher(s -> (long) s.getIndexReader().numDocs());
    }

    @Override
    public SortedMap<String, Long> labelModels() throws IOException {
        return withSearcher(s -> {
            SortedMap<String, Long> out = new TreeMap<>();
            Terms terms = MultiTerms.getTerms(s.getIndexReader(), StatementSchema.LABEL_MODEL);
            if (terms == null) return out;
            TermsEnum it = terms.iterator();
            for (BytesRef t = it.next(); t != null; t = it.next()) {
                // docFreq counts deleted documents too; a count query does not
                String name = t.utf8ToString();
                out.put(name, (long) s.count(new TermQuery(new Term(StatementSchema.LABEL_MODEL, name))));
            }
            return out;
        });
    }

    /** Changes whenever a new commit becomes visible or a harvest records a new coverage: a cheap ETag validator. */
    @Override
    public long version() throws IOException {
        long readerVersion = withSearcher(s -> ((DirectoryReader) s.getIndexReader()).getVersion());
        return readerVersion * 31 + coverage.stamp();
    }

    private Tallies withCoverage(Tallies t) {
        return coverage.get(t.doi()).map(t::withCoverage).orElse(t);
    }

    @Override
    public void refresh() throws IOException {
        searchers.maybeRefresh();
    }

    private void refreshQuietly() {
        try {
            searchers.maybeRefresh();
        } catch (IOException | RuntimeException e) {
            // a writer in mid-commit or a briefly unreadable file: the next tick tries again
            LOG.debug("index refresh failed, retrying: {}", e.toString());
        }
    }

    @Override
    public void close() throws IOException {
        refresher.shutdownNow();
        try {
            searchers.close();
        } finally {
            directory.close();
        }
    }

    private interface SearcherTask<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherTask<T> task) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            return task.run(s);
        } finally {
            searchers.release(s);
        }
    }
}
