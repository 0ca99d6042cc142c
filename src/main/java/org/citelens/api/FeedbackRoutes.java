package org.citelens.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.citelens.feedback.FeedbackLog;
import org.citelens.index.StatementStore;
import org.citelens.model.CitationStatement;
import org.citelens.model.Label;

/**
 * Readers' label suggestions ({@code POST /api/statements/{id}/feedback}, only with {@code serve --feedback}) and
 * curators' reviewed labels ({@code POST /api/statements/{id}/label}, only with {@code serve --admin-token-file}).
 * Both take a small JSON body and refuse, as 4xx JSON, anything else: bodies over the size cap, bodies that are not
 * JSON objects (a form post from another site cannot send {@code application/json} without a CORS preflight, which
 * these routes never grant), requests whose {@code Origin} or {@code Sec-Fetch-Site} say another site sent them,
 * unknown statements, a second suggestion from the same client for the same statement, and more suggestions per
 * client (or in all) than the window allows.
 */
final class FeedbackRoutes implements RouteGroup {
    private static final Pattern STATEMENT_ID = Pattern.compile("[0-9a-f]{32}");

    @Override
    public void register(ApiRoutes routes) {
        Curation c = routes.curation();
        Curation.FeedbackLimits limits = c.limits();
        SlidingWindowLimiter perClient = new SlidingWindowLimiter(limits.perClient(), limits.window());
        SlidingWindowLimiter overall = new SlidingWindowLimiter(limits.overall(), limits.window());
        SlidingWindowLimiter failedLogins = new SlidingWindowLimiter(limits.perClient(), limits.window());
        routes.get(
                "/api/feedback",
                RouteCost.CHEAP,
                ctx -> routes.json().send(ctx, status(c)),
                RouteDoc.get("/api/feedback", "Whether this server takes label suggestions and reviewed labels")
                        .tag("feedback")
                        .ok("{suggestions: boolean, curation: boolean, maxComment}")
                        .build());
        routes.post(
                "/api/statements/{id}/feedback",
                RouteCost.CHEAP,
                ctx -> suggest(ctx, routes, perClient, overall),
                RouteDoc.post("/api/statements/{id}/feedback", "Suggest a label for a statement (serve --feedback)")
                        .param(RouteDoc.Param.path("id", "the statement's id (32 hex digits)"))
                        .body("{\"label\": \"supporting|contrasting|mentioning\", \"comment\": \"at most "
                                + FeedbackLog.MAX_COMMENT + " characters\"}, Content-Type application/json, at most "
                                + limits.maxBodyBytes() + " bytes")
                        .tag("feedback")
                        .response(201, "{statementId, label, suggestions}", "application/json")
                        .response(400, "not a statement id, not a JSON object, a bad label or comment", "application/json")
                        .response(403, "sent from another site (Origin, Sec-Fetch-Site)", "application/json")
                        .response(404, "suggestions are off on this server, or no such statement", "application/json")
                        .response(409, "this client already suggested a label for this statement", "application/json")
                        .response(413, "body over the size cap", "application/json")
                        .response(415, "Content-Type is not application/json", "application/json")
                        .response(429, "too many suggestions; retry after Retry-After seconds", "application/json")
                        .build());
        routes.post(
                "/api/statements/{id}/label",
                RouteCost.CHEAP,
                ctx -> review(ctx, routes, failedLogins),
                RouteDoc.post(
                                "/api/statements/{id}/label",
                                "Set a statement's reviewed label (serve --admin-token-file; Authorization: Bearer TOKEN)")
                        .param(RouteDoc.Param.path("id", "the statement's id (32 hex digits)"))
                        .body("{\"label\": \"supporting|contrasting|mentioning\"}")
                        .tag("feedback")
                        .ok("{statementId, label, labelSource: \"reviewed\", modelLabel}")
                        .response(400, "not a statement id, not a JSON object, a bad label", "application/json")
                        .response(401, "no Authorization: Bearer token", "application/json")
                        .response(403, "wrong token", "application/json")
                        .response(404, "curation is off on this server, or no such statement", "application/json")
                        .response(429, "too many failed tokens from this client", "application/json")
                        .build());
    }

    private static Map<String, Object> status(Curation c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("suggestions", c.suggestionsOpen());
        m.put("curation", c.admin() != null);
        m.put("maxComment", FeedbackLog.MAX_COMMENT);
        return m;
    }

    private static void suggest(
            Context ctx, ApiRoutes routes, SlidingWindowLimiter perClient, SlidingWindowLimiter overall)
            throws IOException {
        Curation c = routes.curation();
        if (!c.suggestionsOpen()) {
            throw ApiException.notFound("label suggestions are off on this server (the operator starts it with serve --feedback)");
        }
        String client = ctx.ip();
        if (!perClient.tryAcquire(client)) {
            throw new ApiException(
                    429,
                    "too many suggestions from this address: at most " + c.limits().perClient() + " per "
                            + c.limits().window().toMinutes() + " minutes",
                    Map.of("Retry-After", Long.toString(perClient.retryAfterSeconds(client))));
        }
        if (!overall.tryAcquire("all")) {
            throw new ApiException(
                    429,
                    "the server is taking too many suggestions at the moment; try again later",
                    Map.of("Retry-After", Long.toString(overall.retryAfterSeconds("all"))));
        }
        String id = statementId(ctx);
        sameSite(ctx);
        JsonNode body = jsonBody(ctx, routes, c.limits().maxBodyBytes());
        Label label = label(body);
        JsonNode commentNode = body.get("comment");
        if (commentNode != null && !commentNode.isNull() && !commentNode.isTextual()) {
            throw ApiException.badRequest("comment must be a string");
        }
        String comment = commentNode == null || commentNode.isNull() ? "" : commentNode.textValue().strip();
        if (comment.length() > FeedbackLog.MAX_COMMENT) {
            throw ApiException.badRequest("comment is too long: " + comment.length() + " characters, at most "
                    + FeedbackLog.MAX_COMMENT);
        }
        CitationStatement s = existing(routes.store(), id);
        FeedbackLog log = c.feedback();
        if (logFull(log, c)) {
            throw new ApiException(503, "the feedback log has reached its size cap; suggestions are paused", Map.of("Retry-After", "3600"));
        }
        if (!log.suggest(id, s.cited().doi(), label, comment, client)) {
            throw new ApiException(409, "you have already suggested a label for statement " + id);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statementId", id);
        m.put("label", label.wireName());
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<Label, Integer> given = log.suggestionCounts(id);
        for (Label l : Label.values()) {
            if (given.containsKey(l)) counts.put(l.wireName(), given.get(l));
        }
        m.put("suggestions", counts);
        ctx.status(201);
        routes.json().send(ctx, m);
    }

    private static void review(Context ctx, ApiRoutes routes, SlidingWindowLimiter failedLogins) throws IOException {
        Curation c = routes.curation();
        if (c.admin() == null) {
            throw ApiException.notFound(
                    "curation is off on this server (the operator starts it with serve --admin-token-file FILE)");
        }
        String client = ctx.ip();
        String auth = ctx.header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(
                    401, "an admin token is needed: Authorization: Bearer TOKEN", Map.of("WWW-Authenticate", "Bearer"));
        }
        if (!c.admin().matches(auth.substring(7).strip())) {
            if (!failedLogins.tryAcquire(client)) {
                throw new ApiException(
                        429,
                        "too many wrong tokens from this address; wait before trying again",
                        Map.of("Retry-After", Long.toString(failedLogins.retryAfterSeconds(client))));
            }
            throw new ApiException(403, "the admin token is wrong");
        }
        String id = statementId(ctx);
        JsonNode body = jsonBody(ctx, routes, c.limits().maxBodyBytes());
        Label label = label(body);
        CitationStatement s = existing(routes.store(), id);
        c.feedback().review(id, s.cited().doi(), label);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statementId", id);
        m.put("label", label.wireName());
        m.put("labelSource", "reviewed");
        m.put("modelLabel", (s.label() == null ? Label.UNCLASSIFIED : s.label()).wireName());
        routes.json().send(ctx, m);
    }

    private static String statementId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!STATEMENT_ID.matcher(id).matches()) {
            throw ApiException.badRequest("not a statement id: a statement id is 32 hex digits, as in the items' id field");
        }
        return id;
    }

    /**
     * Refuses requests a browser says came from another site. Browsers send {@code Origin} on every POST and
     * {@code Sec-Fetch-Site} on every request; tools such as curl send neither, and are not a CSRF risk.
     */
    private static void sameSite(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw new ApiException(403, "suggestions are accepted only from this server's own pages");
        }
        String origin = ctx.header("Origin");
        if (origin == null) return;
        String authority;
        try {
            authority = URI.create(origin.strip()).getRawAuthority();
        } catch (IllegalArgumentException e) {
            authority = null;
        }
        if (authority == null || !authority.equalsIgnoreCase(ctx.host())) {
            throw new ApiException(403, "suggestions are accepted only from this server's own pages");
        }
    }

    private static JsonNode jsonBody(Context ctx, ApiRoutes routes, int maxBytes) throws IOException {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "the body must be JSON sent with Content-Type: application/json");
        }
        InputStream in = ctx.bodyInputStream();
        byte[] body = in.readNBytes(maxBytes + 1);
        if (body.length > maxBytes) throw new ApiException(413, "request body too large: at most " + maxBytes + " bytes");
        JsonNode n;
        try {
            n = routes.json().mapper().readTree(body);
        } catch (JacksonException e) {
            throw ApiException.badRequest("the body is not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object such as {\"label\": \"supporting\"}");
        }
        return n;
    }

    private static Label label(JsonNode body) {
        JsonNode l = body.get("label");
        if (l == null || !l.isTextual()) {
            throw ApiException.badRequest("label is required: supporting, contrasting or mentioning");
        }
        Label label;
        try {
            label = Label.fromWireName(l.textValue());
        } catch (IllegalArgumentException e) {
            label = Label.UNCLASSIFIED;
        }
        if (label == Label.UNCLASSIFIED) {
            throw ApiException.badRequest("label must be supporting, contrasting or mentioning, not '"
                    + shorten(l.textValue()) + "'");
        }
        return label;
    }

    private static CitationStatement existing(StatementStore store, String id) throws IOException {
        return store.statement(id).orElseThrow(() -> ApiException.notFound("no statement with id " + id));
    }

    private static boolean logFull(FeedbackLog log, Curation c) throws IOException {
        Path file = log.file();
        return Files.exists(file) && Files.size(file) >= c.limits().maxLogBytes();
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
