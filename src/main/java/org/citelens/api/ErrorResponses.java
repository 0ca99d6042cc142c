package org.citelens.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.EndpointNotFound;
import org.citelens.index.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one exception mapper: every error leaves the server as {@code {"error": {"status", "message"}}}, a 4xx
 * for the caller's mistakes, a 5xx only for our own faults and never with a stack trace.
 */
final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
    /** Set when a mapper has written the body, so the status-code error handlers leave it alone. */
    private static final String WRITTEN = "citelens.errorWritten";

    /** Tells the status-code error handlers that this response already has its body (e.g. a page answered 404). */
    static void markHandled(Context ctx) {
        ctx.attribute(WRITTEN, Boolean.TRUE);
    }

    private final JsonOut json;
    private final RequestMetrics metrics;

    ErrorResponses(JsonOut json, RequestMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    void install(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            write(ctx, e.status(), e.getMessage());
        });
        routes.exception(EndpointNotFound.class, (e, ctx) -> notFound(ctx));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(), describe(e, ctx)));
        routes.exception(Exception.class, (e, ctx) -> {
            StoreUnavailableException down = unavailable(e);
            if (down != null) {
                // not the request's fault and not a bug: e.g. a SolrCloud shard with no live replica
                LOG.warn("store unavailable on {} {}: {}", ctx.method(), ctx.path(), down.getMessage());
                ctx.header("Retry-After", "5");
                write(ctx, 503, "the index is unavailable for now (" + down.getMessage() + "); try again shortly");
                return;
            }
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, 500, "internal error; the server log has the details");
        });
        routes.error(404, ctx -> {
            if (ctx.attribute(WRITTEN) == null) notFound(ctx);
        });
        routes.error(405, ctx -> {
            if (ctx.attribute(WRITTEN) == null)
                write(ctx, 405, "method " + ctx.method() + " is not allowed on " + ctx.path());
        });
    }

    private static StoreUnavailableException unavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreUnavailableException s) return s;
        }
        return null;
    }

    private void notFound(Context ctx) {
        metrics.record(ctx.method().name(), "unmatched", 404, 0);
        write(ctx, 404, "no such route: " + ctx.method() + " " + ctx.path() + " (see /api/openapi.json)");
    }

    private static String describe(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 405 -> "method " + ctx.method() + " is not allowed on " + ctx.path();
            case 413 -> "request body too large";
            default -> e.getMessage();
        };
    }

    void write(Context ctx, int status, String message) {
        ctx.attribute(WRITTEN, Boolean.TRUE);
        ctx.status(status);
        json.send(ctx, JsonOut.errorBody(status, message));
    }
}
