package org.citelens.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.citelens.export.StatementCsv;
import org.citelens.export.StatementJson;
import org.citelens.index.StatementQuery;
import org.citelens.index.StatementSort;
import org.citelens.index.StatementStore;

/**
 * {@code GET /api/export}: every statement matching the shared filters, streamed as CSV or JSON Lines straight
 * from the index to the socket through the index package's writers, so memory stays flat whatever the row count.
 */
final class ExportRoutes implements RouteGroup {
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public void register(ApiRoutes routes) {
        StatementStore store = routes.store();
        // HEAD answers what GET would (status, type, file name) without running the export
        routes.add(HandlerType.HEAD, "/api/export", RouteCost.CHEAP, ctx -> start(ctx, routes.overlay()), null);
        routes.get(
                "/api/export",
                RouteCost.EXPORT,
                ctx -> export(ctx, store, routes.overlay()),
                RouteDoc.get("/api/export", "Every matching statement as CSV or JSON Lines, streamed")
                        .param(RouteDoc.Param.query("format", "string", "csv (default) or jsonl"))
                        .param(RouteDoc.Param.query("q", "string", "full-text filter, as in /api/search"))
                        .param(RouteDoc.Param.query("cited", "string", "only statements citing this DOI"))
                        .param(RouteDoc.Param.query(
                                "citing", "string", "only statements made by the article with this DOI"))
                        .params(StatementQueryParams.FILTER_DOCS)
                        .tag("export")
                        .response(200, "CSV with columns " + String.join(", ", StatementCsv.COLUMNS), "text/csv")
                        .response(200, "JSON Lines, one statement per line", "application/x-ndjson")
                        .response(400, "a parameter out of range", "application/json")
                        .response(503, "too many exports running; retry after Retry-After seconds", "application/json")
                        .build());
    }

    /** One export's request, checked, with the response headers already set. */
    private record ExportRequest(String format, StatementQuery query) {}

    private static ExportRequest start(Context ctx, Overlay overlay) {
        String format = ctx.queryParam("format");
        format = format == null || format.isBlank() ? "csv" : format.strip().toLowerCase(Locale.ROOT);
        if (!format.equals("csv") && !format.equals("jsonl")) {
            throw ApiException.badRequest("format must be csv or jsonl, not '" + ctx.queryParam("format") + "'");
        }
        StatementQuery query = StatementQueryParams.parse(ctx, null, StatementSort.RELEVANCE, false, overlay);
        String name = "citelens-"
                + (query.citedDoi() == null ? "statements" : query.citedDoi().replaceAll("[^a-z0-9.-]+", "_"));
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "." + format + "\"");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.contentType(
                format.equals("csv")
                        ? "text/csv; charset=utf-8; header=present"
                        : "application/x-ndjson; charset=utf-8");
        return new ExportRequest(format, query);
    }

    private static void export(Context ctx, StatementStore store, Overlay overlay) throws IOException {
        ExportRequest request = start(ctx, overlay);
        Writer out = new BufferedWriter(
                new OutputStreamWriter(ctx.res().getOutputStream(), StandardCharsets.UTF_8), 64 * 1024);
        try {
            if (request.format().equals("csv")) csv(store, request.query(), out);
            else jsonl(store, request.query(), out);
            out.flush();
        } catch (UncheckedIOException e) {
            // the client went away mid-stream: nothing left to tell it
            throw e.getCause();
        }
    }

    private static void csv(StatementStore store, StatementQuery query, Writer out) throws IOException {
        StatementCsv csv = new StatementCsv(out);
        csv.writeHeader();
        store.forEach(query, s -> {
            try {
                csv.write(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void jsonl(StatementStore store, StatementQuery query, Writer out) throws IOException {
        JsonGenerator g = JSON.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        g.setRootValueSeparator(null);
        store.forEach(query, s -> {
            try {
                StatementJson.write(s, g);
                g.writeRaw('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        g.flush();
    }
}
