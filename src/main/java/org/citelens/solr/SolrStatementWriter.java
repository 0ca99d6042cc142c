package org.citelens.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.citelens.index.StatementSchema;
import org.citelens.index.StatementSink;
import org.citelens.index.StoreUnavailableException;
import org.citelens.model.CitationStatement;
import org.citelens.model.CitedWork;

/**
 * Writes statements to a SolrCloud collection. An article's statements are replaced by adding the new set (same
 * statement, same routed id: an overwrite) and deleting by id those of its earlier statements that are not in it;
 * across shards this is not one transaction, so a reader may briefly see an article half replaced, and a writer
 * killed in between leaves the old extras until the article is ingested again. Statement ids are stable, so a re-run
 * converges to exactly the new set. Thread-safe; the connection is owned by the caller.
 */
public final class SolrStatementWriter implements StatementSink {
    private static final int PAGE = 1000;
    /** Documents sent in one update request: a request per article cost more in round trips than in indexing. */
    private static final int BATCH = 1000;
    private static final int ATTEMPTS = 4;
    private static final long RETRY_MILLIS = 3000;

    private final SolrConnection solr;
    /** The collection held no statement when this writer opened: a first ingest has no old statements to find. */
    private final boolean emptyAtStart;
    /** Articles written by this writer: a second replace of one of them must look for the first. */
    private final Set<String> addedNow = ConcurrentHashMap.newKeySet();
    private final List<SolrInputDocument> buffer = new ArrayList<>();

    public SolrStatementWriter(SolrConnection solr) throws IOException {
        this.solr = solr;
        this.emptyAtStart = new SolrStatementStore(solr).statementCount() == 0;
    }

    @Override
    public void replaceArticle(String citingArticleId, List<CitationStatement> statements) throws IOException {
        List<SolrInputDocument> docs = new ArrayList<>(statements.size());
        Set<String> ids = new HashSet<>();
        for (CitationStatement s : statements) {
            if (!citingArticleId.equals(s.citing().articleId())) {
                throw new IllegalArgumentException(
                        "statement " + s.id() + " belongs to " + s.citing().articleId() + ", not " + citingArticleId);
            }
            SolrInputDocument d = SolrDocuments.toDocument(s);
            docs.add(d);
            ids.add(d.getFieldValue(SolrDocuments.ROUTED_ID).toString());
        }
        List<String> stale = new ArrayList<>();
        // one query to every shard per article, saved on a first ingest into an empty collection, where new
        // articles' statements are only added, in batches
        if (emptyAtStart && addedNow.add(citingArticleId)) {
            buffer(docs);
            return;
        }
        for (String id : routedIds(StatementSchema.CITING_ARTICLE_ID, citingArticleId)) {
            if (!ids.contains(id)) stale.add(id);
        }
        UpdateRequest update = new UpdateRequest();
        if (!docs.isEmpty()) update.add(docs);
        if (!stale.isEmpty()) update.deleteById(stale);
        if (!docs.isEmpty() || !stale.isEmpty()) send("replacing article " + citingArticleId, update);
    }

    /** The routed ids of the statements whose {@code field} is {@code value}, from every shard. */
    private List<String> routedIds(String field, String value) throws IOException {
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("q", "{!term f=" + field + " v=$value}");
        p.set("value", value);
        p.set("fl", SolrDocuments.ROUTED_ID);
        p.set("rows", PAGE);
        p.set("sort", SolrDocuments.ROUTED_ID + " asc");
        List<String> out = new ArrayList<>();
        String mark = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            p.set(CursorMarkParams.CURSOR_MARK_PARAM, mark);
            var r = query("reading " + field + " " + value, p);
            for (SolrDocument d : r.getResults()) out.add(d.getFieldValue(SolrDocuments.ROUTED_ID).toString());
            if (r.getResults().size() < PAGE || r.getNextCursorMark().equals(mark)) return out;
            mark = r.getNextCursorMark();
        }
    }

    /**
     * {@inheritDoc} A statement's routed id names its cited work, so a re-pointed statement is added under its new
     * id and the old document deleted.
     */
    @Override
    public int repoint(Map<String, CitedWork> mergedByOldId) throws IOException {
        int changed = 0;
        for (var e : mergedByOldId.entrySet()) {
            if (e.getKey().equals(e.getValue().workId())) continue;
            ModifiableSolrParams p = new ModifiableSolrParams();
            p.set("q", "{!term f=" + StatementSchema.CITED_WORK_ID + " v=$value}");
            p.set("value", e.getKey());
            p.set("fl", SolrDocuments.ROUTED_ID + "," + StatementSchema.JSON);
            p.set("rows", PAGE);
            p.set("sort", SolrDocuments.ROUTED_ID + " asc");
            String mark = CursorMarkParams.CURSOR_MARK_START;
            while (true) {
                p.set(CursorMarkParams.CURSOR_MARK_PARAM, mark);
                var r = query("re-pointing " + e.getKey(), p);
                UpdateRequest update = new UpdateRequest();
                for (SolrDocument d : r.getResults()) {
                    CitationStatement moved = SolrDocuments.fromJson(d.getFieldValue(StatementSchema.JSON))
                            .withCited(e.getValue());
                    SolrInputDocument doc = SolrDocuments.toDocument(moved);
                    update.add(doc);
                    String old = d.getFieldValue(SolrDocuments.ROUTED_ID).toString();
                    if (!old.equals(doc.getFieldValue(SolrDocuments.ROUTED_ID))) update.deleteById(old);
                    changed++;
                }
                if (!r.getResults().isEmpty()) send("re-pointing " + e.getKey(), update);
                if (r.getResults().size() < PAGE || r.getNextCursorMark().equals(mark)) break;
                mark = r.getNextCursorMark();
            }
        }
        return changed;
    }

    private void buffer(List<SolrInputDocument> docs) throws IOException {
        List<SolrInputDocument> full = null;
        synchronized (buffer) {
            buffer.addAll(docs);
            if (buffer.size() >= BATCH) {
                full = new ArrayList<>(buffer);
                buffer.clear();
            }
        }
        if (full != null) sendAdds(full);
    }

    private void sendAdds(List<SolrInputDocument> docs) throws IOException {
        UpdateRequest update = new UpdateRequest();
        update.add(docs);
        send("adding " + docs.size() + " statements", update);
    }

    /** Sends the statements of new articles still buffered here. */
    @Override
    public void flush(int threads) throws IOException {
        List<SolrInputDocument> rest;
        synchronized (buffer) {
            rest = new ArrayList<>(buffer);
            buffer.clear();
        }
        if (!rest.isEmpty()) sendAdds(rest);
    }

    /**
     * {@inheritDoc} A hard commit on every shard; {@code userData} is not kept (Solr's commits carry none): the works
     * snapshot's generation says which ingest completed.
     */
    @Override
    public void commit(Map<String, String> userData) throws IOException {
        flush(1);
        try {
            solr.client().commit(solr.collection(), true, true);
        } catch (Exception e) {
            throw SolrConnection.failure("commit on collection " + solr.collection(), e);
        }
    }

    /** Sends what is buffered; the connection belongs to the caller. */
    @Override
    public void close() throws IOException {
        flush(1);
    }

    private org.apache.solr.client.solrj.response.QueryResponse query(String what, ModifiableSolrParams p)
            throws IOException {
        try {
            return new QueryRequest(p).process(solr.client(), solr.collection());
        } catch (Exception e) {
            throw SolrConnection.failure(what + " in collection " + solr.collection(), e);
        }
    }

    /**
     * Sends an update, again after a timeout, a server error or while a shard has no leader (a node stopped, a new
     * leader being elected): adds and deletes by id are idempotent, so a request that did arrive does no harm sent
     * twice.
     */
    private void send(String what, UpdateRequest update) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                update.process(solr.client(), solr.collection());
                return;
            } catch (Exception e) {
                IOException failure;
                try {
                    failure = SolrConnection.failure(what + " in collection " + solr.collection(), e);
                } catch (IllegalArgumentException bad) {
                    throw new IOException(bad.getMessage(), bad);
                }
                // a 5xx too: a leader whose replica just went down answers 500 ("Async exceptions during
                // distributed update: Connection refused") until the cluster marks the replica down
                boolean transient_ = failure instanceof StoreUnavailableException
                        || String.valueOf(e.getMessage()).contains("Timeout")
                        || e instanceof org.apache.solr.common.SolrException se && se.code() >= 500;
                if (!transient_ || attempt >= ATTEMPTS) throw failure;
                try {
                    Thread.sleep(RETRY_MILLIS * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
            }
        }
    }
}
