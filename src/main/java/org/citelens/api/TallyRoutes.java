package org.citelens.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.citelens.index.StatementStore;
import org.citelens.index.Tallies;
import org.citelens.model.Doi;

/**
 * The routes browser extensions and badges call on every page they show: {@code GET /api/tallies/{doi}},
 * {@code GET /api/tallies/{doi}/sections} and {@code POST /api/tallies}. Open to any origin (CORS), with ETag,
 * 304 on If-None-Match and Cache-Control, answered from {@link TallyAnswerCache}.
 */
final class TallyRoutes implements RouteGroup {
    static final int MAX_BATCH = 500;
    private static final String CACHE_CONTROL = "public, max-age=300";
    private static final byte[] OPEN = "{\"tallies\":{".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final byte[] CLOSE = "}}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** Past this, an oversized body is no longer read to the end before the 413; the connection is dropped. */
    private static final long DRAIN_LIMIT = 64L << 20;

    private final TallyAnswerCache cache;
    private final long maxBodyBytes;

    TallyRoutes(TallyAnswerCache cache, long maxBodyBytes) {
        this.cache = cache;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void register(ApiRoutes routes) {
        StatementStore store = routes.store();
        JsonOut json = routes.json();
        RouteDoc.Param doi = RouteDoc.Param.path(
                "doi", "DOI of the cited work; slashes, any case, doi: or https://doi.org/ prefix, %2F all accepted");
        routes.get(
                "/api/tallies/<doi>/sections",
                RouteCost.CHEAP,
                ctx -> cached(ctx, store, routes.overlay(), "s:", d -> store.sectionTallies(d)
                        .map(json::bytes)
                        .orElse(null)),
                lookupDoc(
                        "/api/tallies/{doi}/sections",
                        "Statements citing a work, counted per section of the citing article",
                        "{doi, total, introduction, methods, results, discussion, other}",
                        doi));
        routes.get(
                "/api/tallies/<doi>",
                RouteCost.CHEAP,
                ctx -> {
                    Overlay overlay = routes.overlay();
                    cached(ctx, store, overlay, "t:", d -> store.tallies(d)
                            .map(t -> body(t, overlay, store, json))
                            .orElse(null));
                },
                lookupDoc(
                        "/api/tallies/{doi}",
                        "Smart-citation tallies of a work (scite-compatible shape)",
                        "{doi, total, supporting, contrasting, contradicting, mentioning, unclassified, citingPublications, selfCitations, selfCitingPublications, notices: [{type, date, noticeDoi, nature, reason, source, url}], coverage?}; coverage {known, read, recorded} only when a harvest recorded how many citing works are known and read",
                        doi));
        routes.post(
                "/api/tallies",
                RouteCost.QUERY,
                ctx -> batch(ctx, store, routes.overlay(), json),
                RouteDoc.post("/api/tallies", "Tallies of up to " + MAX_BATCH + " works in one call")
                        .body("JSON array of DOI strings, at most " + MAX_BATCH)
                        .tag("tallies")
                        .ok("{\"tallies\": {doi: {tallies}}}; DOIs nothing cites are left out")
                        .response(
                                400,
                                "not a JSON array of strings, or more than " + MAX_BATCH + " DOIs",
                                "application/json")
                        .build());
        for (String path : new String[] {"/api/tallies", "/api/tallies/<doi>", "/api/tallies/<doi>/sections"}) {
            routes.options(path, TallyRoutes::preflight);
        }
    }

    private static RouteDoc lookupDoc(String path, String summary, String ok, RouteDoc.Param doi) {
        return RouteDoc.get(path, summary)
                .param(doi)
                .tag("tallies")
                .ok(ok)
                .response(304, "unchanged since the ETag in If-None-Match", null)
                .response(400, "not a DOI", "application/json")
                .response(404, "nothing in the index cites this DOI", "application/json")
                .build();
    }

    private void cached(
            Context ctx, StatementStore store, Overlay overlay, String kind, TallyAnswerCache.Loader loader)
            throws IOException {
        cors(ctx);
        String doi = DoiParam.fromPath(ctx);
        TallyAnswerCache.Entry e = cache.get(kind + doi, overlay.version(store), loader);
        if (e.body() == null) throw ApiException.notFound("no statement in the index cites " + doi);
        ctx.header("ETag", e.etag());
        ctx.header("Cache-Control", CACHE_CONTROL);
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null
                && (ifNoneMatch.contains(e.etag()) || ifNoneMatch.strip().equals("*"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(JsonOut.JSON).result(e.body());
    }

    /**
     * Answers from the per-DOI cache where it can and asks the index once for the rest, then splices the cached
     * JSON of each work into the reply without re-serialising it.
     */
    private void batch(Context ctx, StatementStore store, Overlay overlay, JsonOut json) throws IOException {
        cors(ctx);
        Set<String> dois = parseBatch(readBody(ctx), json);
        long version = overlay.version(store);
        Map<String, TallyAnswerCache.Entry> answers = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String d : dois) {
            TallyAnswerCache.Entry e = cache.peek("t:" + d, version);
            if (e != null) answers.put(d, e);
            else missing.add(d);
        }
        if (!missing.isEmpty()) {
            Map<String, Tallies> found = store.tallies(missing);
            for (String d : missing) {
                Tallies t = found.get(d);
                answers.put(d, cache.put("t:" + d, version, t == null ? null : body(t, overlay, store, json)));
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(256 + 200 * answers.size());
        body.write(OPEN);
        boolean first = true;
        for (String d : dois) {
            byte[] tally = answers.get(d).body();
            if (tally == null) continue;
            if (!first) body.write(',');
            first = false;
            body.write(json.bytes(d));
            body.write(':');
            body.write(tally);
        }
        body.write(CLOSE);
        byte[] bytes = body.toByteArray();
        String etag = TallyAnswerCache.etag(bytes);
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "no-cache");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(JsonOut.JSON).result(bytes);
    }

    /** One work's tallies as answered: reviewed labels counted, notices attached. */
    private static byte[] body(Tallies t, Overlay overlay, StatementStore store, JsonOut json) {
        try {
            return json.bytes(overlay.tallies(t, store));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A JSON array of at most {@link #MAX_BATCH} strings; strings that hold no DOI are unknown, so left out. */
    static Set<String> parseBatch(byte[] body, JsonOut json) {
        JsonNode root;
        try {
            root = json.mapper().readTree(body);
        } catch (JacksonException e) {
            String why = e.getOriginalMessage();
            throw ApiException.badRequest("the body must be a JSON array of DOI strings: "
                    + (why.length() > 200 ? why.substring(0, 200) + "..." : why));
        } catch (IOException e) {
            throw ApiException.badRequest("could not read the request body: " + e.getMessage());
        }
        if (root != null && root.isObject() && root.has("dois")) root = root.get("dois");
        if (root == null || !root.isArray()) {
            throw ApiException.badRequest(
                    "the body must be a JSON array of DOI strings, e.g. [\"10.1006/meth.2001.1262\"]");
        }
        if (root.size() > MAX_BATCH) {
            throw ApiException.badRequest("at most " + MAX_BATCH + " DOIs per request; this one has " + root.size()
                    + ": split it into several requests");
        }
        Set<String> dois = new LinkedHashSet<>();
        for (JsonNode n : root) {
            if (!n.isTextual())
                throw ApiException.badRequest("every item must be a DOI string; found " + n.getNodeType());
            Optional<String> d = Doi.normalize(n.textValue());
            d.ifPresent(dois::add);
        }
        return dois;
    }

    /**
     * The body, at most {@code maxBodyBytes}. A larger body is read to its end (up to {@link #DRAIN_LIMIT}) and
     * then refused with 413, because a client still sending when the server closes never sees the answer.
     */
    private byte[] readBody(Context ctx) throws IOException {
        java.io.InputStream in = ctx.bodyInputStream();
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        if (body.length <= maxBodyBytes) return body;
        long drained = body.length;
        byte[] sink = new byte[64 * 1024];
        for (int n; drained < DRAIN_LIMIT && (n = in.read(sink)) > 0; ) drained += n;
        throw new ApiException(
                413, "request body too large: at most " + maxBodyBytes + " bytes (" + MAX_BATCH + " DOIs fit easily)");
    }

    static void cors(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Expose-Headers", "ETag");
    }

    private static void preflight(Context ctx) {
        cors(ctx);
        ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        ctx.header("Access-Control-Allow-Headers", "Content-Type, If-None-Match");
        ctx.header("Access-Control-Max-Age", "86400");
        ctx.status(204);
    }
}
