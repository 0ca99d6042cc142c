package org.citelens.solr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import org.citelens.index.FacetCounter;
import org.citelens.index.ReviewedFacets;
import org.citelens.index.SearchPage;
import org.citelens.index.SectionTallies;
import org.citelens.index.StatementHighlighter;
import org.citelens.index.StatementHit;
import org.citelens.index.StatementQuery;
import org.citelens.index.StatementSchema;
import org.citelens.index.StatementSort;
import org.citelens.index.StatementStore;
import org.citelens.index.StatementTextQuery;
import org.citelens.index.Tallies;
import org.citelens.index.WorkMetadata;
import org.citelens.model.ArticleMetadata;
import org.citelens.model.CitationStatement;
import org.citelens.model.CitedWork;
import org.citelens.model.Label;

/**
 * The {@link StatementStore} over a SolrCloud collection written by {@link SolrStatementWriter}. Answers what the
 * local Lucene store answers (scores aside): the same fields, the same text parser, the same highlighter. A work's
 * tallies are JSON facets on the one shard its route names; listings page with Solr's {@code cursorMark}, whose
 * sorts end with the statement id as the local index's do. Thread-safe.
 */
public final class SolrStatementStore implements StatementStore {
    /** How long a version answer is reused: a local store sees new commits within a second, so does this one. */
    private static final long VERSION_TTL_NANOS = 1_000_000_000L;

    private static final int EXPORT_PAGE = 1000;
    /** Longest query string sent as a GET; Jetty refuses request lines over 8 KB by default. */
    private static final int MAX_GET_CHARS = 4000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TALLY_FACETS = "{pubs:\"unique(citingArticleId)\","
            + "label:{type:terms,field:label,limit:-1},"
            + "section:{type:terms,field:section,limit:-1},"
            + "self:{type:query,q:\"selfCitation:true\",facet:{pubs:\"unique(citingArticleId)\"}},"
            + "year:{type:terms,field:year,limit:-1,facet:{pubs:\"unique(citingArticleId)\"}}}";

    private final SolrConnection solr;
    private final Analyzer analyzer = StatementSchema.analyzer();
    private final StatementTextQuery textQuery = new StatementTextQuery(analyzer);
    private final Object versionLock = new Object();
    private long versionValue;
    private long versionAt;
    private boolean versionKnown;

    public SolrStatementStore(SolrConnection solr) {
        this.solr = solr;
    }

    @Override
    public Optional<Tallies> tallies(String doi) throws IOException {
        return Optional.ofNullable(aggregates(List.of(doi)).get(doi)).map(TallyFacets::tallies);
    }

    @Override
    public Map<String, Tallies> tallies(Collection<String> dois) throws IOException {
        Map<String, Tallies> out = new HashMap<>();
        aggregates(new LinkedHashSet<>(dois)).forEach((doi, agg) -> out.put(doi, agg.tallies()));
        return out;
    }

    @Override
    public Optional<SectionTallies> sectionTallies(String doi) throws IOException {
        return Optional.ofNullable(aggregates(List.of(doi)).get(doi)).map(TallyFacets::sectionTallies);
    }

    @Override
    public SortedMap<Integer, Long> citingPublicationsPerYear(String doi) throws IOException {
        TallyFacets agg = aggregates(List.of(doi)).get(doi);
        return agg == null ? new TreeMap<>() : agg.citingPublicationsPerYear();
    }

    /**
     * One request for any number of DOIs: a terms facet on the cited DOI with the tallies under it. Each DOI's
     * statements live on one shard, so every bucket, and its distinct counts, comes whole from that shard. A single
     * DOI's request goes to that shard only ({@code _route_}).
     */
    private Map<String, TallyFacets> aggregates(Collection<String> dois) throws IOException {
        Map<String, TallyFacets> out = new LinkedHashMap<>();
        if (dois.isEmpty()) return out;
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("q", "*:*");
        Map<String, String> values = new LinkedHashMap<>();
        p.set("fq", SolrFilters.anyOf(values, StatementSchema.CITED_DOI, dois));
        values.forEach(p::set);
        p.set("rows", 0);
        p.set("json.facet", "{dois:{type:terms,field:citedDoi,limit:-1,facet:" + TALLY_FACETS + "}}");
        if (dois.size() == 1) p.set("_route_", SolrDocuments.route(dois.iterator().next()));
        NamedList<?> facets = facets(query("tallies", p));
        for (NamedList<?> bucket : buckets(facets, "dois")) {
            String doi = bucket.get("val").toString();
            out.put(doi, TallyFacets.of(doi, bucket));
        }
        return out;
    }

    @Override
    public Optional<CitedWork> work(String doi) throws IOException {
        List<CitationStatement> citing = statements("work", StatementSchema.CITED_DOI, doi, WorkMetadata.SAMPLE, true);
        List<CitationStatement> own = statements("work", StatementSchema.CITING_DOI, doi, 1, false);
        ArticleMetadata article = own.isEmpty() ? null : own.get(0).citing();
        return WorkMetadata.merge(doi, citing, article);
    }

    @Override
    public boolean holdsWork(String doi) throws IOException {
        if (doi == null || doi.isBlank()) return false;
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("q", "({!term f=" + StatementSchema.CITED_DOI + " v=$value}) OR ({!term f=" + StatementSchema.CITING_DOI
                + " v=$value})");
        p.set("value", doi);
        p.set("rows", 0);
        return query("work lookup", p).getResults().getNumFound() > 0;
    }

    /** {@inheritDoc} Asks every shard: the routed key needs the cited DOI, which the caller may not know. */
    @Override
    public Optional<CitationStatement> statement(String id) throws IOException {
        if (id == null || id.isBlank()) return Optional.empty();
        List<CitationStatement> found = statements("statement", SolrDocuments.STATEMENT_ID, id, 1, false);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<CitationStatement> statements(String what, String field, String value, int rows, boolean routed)
            throws IOException {
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("q", "{!term f=" + field + " v=$value}");
        p.set("value", value);
        p.set("rows", rows);
        p.set("fl", StatementSchema.JSON);
        p.set("sort", SolrDocuments.STATEMENT_ID + " asc");
        if (routed) p.set("_route_", SolrDocuments.route(value));
        List<CitationStatement> out = new ArrayList<>();
        for (SolrDocument d : query(what, p).getResults()) {
            out.add(SolrDocuments.fromJson(d.getFieldValue(StatementSchema.JSON)));
        }
        return out;
    }

    /**
     * {@inheritDoc} The cursor wraps Solr's {@code cursorMark} with the sort it belongs to and how many hits came
     * before it; a malformed one, or one from another sort, is an IllegalArgumentException (a 400 for the API).
     */
    @Override
    public SearchPage search(StatementQuery query, boolean withFacets) throws IOException {
        if (query.limit() < 1) throw new IllegalArgumentException("limit must be at least 1, not " + query.limit());
        PageCursor from = query.cursor() == null || query.cursor().isBlank()
                ? new PageCursor(query.sort(), CursorMarkParams.CURSOR_MARK_START, 0)
                : PageCursor.decode(query.sort(), query.cursor());
        Query parsed = textQuery.parse(query.text());
        ModifiableSolrParams p = SolrFilters.params(query, parsed);
        int rows = query.limit() == Integer.MAX_VALUE ? EXPORT_PAGE : query.limit();
        p.set("rows", rows);
        p.set("fl", StatementSchema.JSON + ",score");
        p.set("sort", SolrFilters.sort(query.sort()));
        p.set(CursorMarkParams.CURSOR_MARK_PARAM, from.mark());
        if (withFacets) {
            p.set("json.facet", "{label:{type:terms,field:label,limit:-1},section:{type:terms,field:section,limit:-1},"
                    + "year:{type:terms,field:year,limit:-1},journal:{type:terms,field:journalName,limit:-1}}");
        }
        QueryResponse r = query("search", p);
        StatementHighlighter highlighter = new StatementHighlighter(analyzer, parsed);
        List<StatementHit> hits = new ArrayList<>();
        for (SolrDocument d : r.getResults()) {
            CitationStatement st = SolrDocuments.fromJson(d.getFieldValue(StatementSchema.JSON));
            Object score = d.getFieldValue("score");
            hits.add(new StatementHit(
                    st, score instanceof Number n ? n.floatValue() : 0f, highlighter.highlight(st.sentence(), st.marker())));
        }
        long total = r.getResults().getNumFound();
        long seen = from.seen() + hits.size();
        String next = seen < total && !hits.isEmpty()
                ? new PageCursor(query.sort(), r.getNextCursorMark(), seen).encode()
                : null;
        Map<String, Map<String, Long>> facets = withFacets ? facetsOf(facets(r)) : Map.of();
        if (withFacets && !query.reviewedLabels().isEmpty()) facets = withReviewedLabels(p, query.reviewedLabels(), facets);
        return new SearchPage(total, hits, facets, next);
    }

    /**
     * The label facet with curators' reviewed labels counted instead of the indexed ones, as the local index counts
     * it: each reviewed statement among the hits moves from its indexed label to its reviewed one. Reviewed
     * statements are few; finding which of them match costs one query over their ids.
     */
    private Map<String, Map<String, Long>> withReviewedLabels(
            ModifiableSolrParams search, Map<String, Label> reviewed, Map<String, Map<String, Long>> facets)
            throws IOException {
        Map<String, Long> labels = facets.get("label");
        if (labels == null) return facets;
        ModifiableSolrParams p = new ModifiableSolrParams(search);
        p.remove(CursorMarkParams.CURSOR_MARK_PARAM);
        p.remove("json.facet");
        p.remove("sort");
        Map<String, String> values = new LinkedHashMap<>();
        // parameter names of their own ("r0"...), beside the search's "f0"...
        p.add("fq", SolrFilters.termsOf(values, "r", SolrDocuments.STATEMENT_ID, reviewed.keySet()));
        values.forEach(p::set);
        p.set("rows", reviewed.size());
        p.set("fl", StatementSchema.JSON);
        List<CitationStatement> hits = new ArrayList<>();
        for (SolrDocument d : query("reviewed labels", p).getResults()) {
            hits.add(SolrDocuments.fromJson(d.getFieldValue(StatementSchema.JSON)));
        }
        return ReviewedFacets.moved(facets, hits, reviewed);
    }

    private static Map<String, Map<String, Long>> facetsOf(NamedList<?> facets) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        out.put("label", FacetCounter.byCount(counts(facets, "label"), Integer.MAX_VALUE));
        out.put("section", FacetCounter.byCount(counts(facets, "section"), Integer.MAX_VALUE));
        Map<Integer, Long> years = new TreeMap<>();
        counts(facets, "year").forEach((y, n) -> years.put(Integer.valueOf(y), n));
        Map<String, Long> yearFacet = new LinkedHashMap<>();
        years.forEach((y, n) -> yearFacet.put(Integer.toString(y), n));
        out.put("year", yearFacet);
        out.put("journal", FacetCounter.byCount(counts(facets, "journal"), FacetCounter.MAX_JOURNALS));
        return out;
    }

    /**
     * {@inheritDoc} Order: by statement id, page by page with {@code cursorMark}; memory does not grow with the number
     * of statements streamed. Statements committed while the stream runs may or may not be in it.
     */
    @Override
    public void forEach(StatementQuery query, Consumer<CitationStatement> sink) throws IOException {
        ModifiableSolrParams p = SolrFilters.params(query, textQuery.parse(query.text()));
        p.set("rows", EXPORT_PAGE);
        p.set("fl", StatementSchema.JSON);
        p.set("sort", SolrDocuments.STATEMENT_ID + " asc," + SolrDocuments.ROUTED_ID + " asc");
        String mark = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            p.set(CursorMarkParams.CURSOR_MARK_PARAM, mark);
            QueryResponse r = query("export", p);
            for (SolrDocument d : r.getResults()) sink.accept(SolrDocuments.fromJson(d.getFieldValue(StatementSchema.JSON)));
            String nextMark = r.getNextCursorMark();
            if (nextMark == null || nextMark.equals(mark) || r.getResults().isEmpty()) return;
            mark = nextMark;
        }
    }

    @Override
    public long statementCount() throws IOException {
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("q", "*:*");
        p.set("rows", 0);
        return query("count", p).getResults().getNumFound();
    }

    @Override
    public SortedMap<String, Long> labelModels() throws IOException {
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("q", "*:*");
        p.set("rows", 0);
        p.set("json.facet", "{m:{type:terms,field:labelModel,limit:-1}}");
        return new TreeMap<>(counts(facets(query("label models", p)), "m"));
    }

    /** Statement count and the newest update's {@code _version_}: changes with every add and every delete. */
    @Override
    public long version() throws IOException {
        synchronized (versionLock) {
            if (versionKnown && System.nanoTime() - versionAt < VERSION_TTL_NANOS) return versionValue;
        }
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("q", "*:*");
        p.set("rows", 0);
        p.set("json.facet", "{v:\"max(_version_)\"}");
        QueryResponse r = query("version", p);
        Object max = facets(r).get("v");
        long v = r.getResults().getNumFound() * 1_000_003L + (max instanceof Number n ? n.longValue() : 0L);
        synchronized (versionLock) {
            versionValue = v;
            versionAt = System.nanoTime();
            versionKnown = true;
        }
        return v;
    }

    /** Solr makes commits visible itself (soft commits); this only forgets the cached version. */
    @Override
    public void refresh() {
        synchronized (versionLock) {
            versionKnown = false;
        }
    }

    @Override
    public void close() throws IOException {
        solr.close();
    }

    private QueryResponse query(String what, ModifiableSolrParams p) throws IOException {
        try {
            // long filters (the works with a notice, reviewed statements) go in the body: URLs have a length limit
            SolrRequest.METHOD method = p.toString().length() > MAX_GET_CHARS ? SolrRequest.METHOD.POST : SolrRequest.METHOD.GET;
            return new QueryRequest(p, method).process(solr.client(), solr.collection());
        } catch (Exception e) {
            throw SolrConnection.failure(what + " on collection " + solr.collection(), e);
        }
    }

    static NamedList<?> facets(QueryResponse r) {
        Object f = r.getResponse().get("facets");
        return f instanceof NamedList<?> n ? n : new NamedList<>();
    }

    @SuppressWarnings("unchecked")
    static List<NamedList<?>> buckets(NamedList<?> facets, String name) {
        Object facet = facets.get(name);
        if (!(facet instanceof NamedList<?> n) || !(n.get("buckets") instanceof List<?> list)) return List.of();
        return (List<NamedList<?>>) list;
    }

    static Map<String, Long> counts(NamedList<?> facets, String name) {
        Map<String, Long> out = new HashMap<>();
        for (NamedList<?> b : buckets(facets, name)) {
            out.put(b.get("val").toString(), ((Number) b.get("count")).longValue());
        }
        return out;
    }

    /** A page position: the sort it belongs to, Solr's cursor mark and how many hits the pages before held. */
    private record PageCursor(StatementSort sort, String mark, long seen) {
        String encode() {
            ArrayNode a = JSON.createArrayNode().add(sort.name()).add(mark).add(seen);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(a.toString().getBytes(StandardCharsets.UTF_8));
        }

        static PageCursor decode(StatementSort sort, String cursor) {
            JsonNode a;
            try {
                a = JSON.readTree(Base64.getUrlDecoder().decode(cursor.strip()));
            } catch (IllegalArgumentException | IOException e) {
                a = null;
            }
            if (a == null || !a.isArray() || a.size() != 3 || !a.get(0).isTextual() || !a.get(1).isTextual()
                    || !a.get(2).canConvertToLong()) {
                throw new IllegalArgumentException("malformed cursor: pass back the nextCursor of a previous page");
            }
            if (!a.get(0).asText().equals(sort.name())) {
                throw new IllegalArgumentException("the cursor belongs to another sort order; start again without it");
            }
            return new PageCursor(sort, a.get(1).asText(), a.get(2).asLong());
        }
    }
}
