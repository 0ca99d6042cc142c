package org.citelens.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import org.citelens.check.CheckCsv;
import org.citelens.check.CheckReport;
import org.citelens.check.ManuscriptException;
import org.citelens.check.ManuscriptReader;
import org.citelens.check.ReferenceChecker;
import org.citelens.index.StatementStore;
import org.citelens.index.Tallies;
import org.citelens.resolve.PersistentWorksRegistry;

/**
 * {@code POST /api/reference-check} and the page {@code /check}: a manuscript's references, each resolved to a
 * work of the index with its tallies and the manuscript's own citing statements. A route group of its own because
 * it needs the works registry and a labeller, which the server passes in ({@link #group}).
 */
public final class ReferenceCheckRoutes {
    public static final String PATH = "/api/reference-check";

    private ReferenceCheckRoutes() {}

    /** The check over a works registry and the statements, labelling with the shipped default labeller. */
    public static RouteGroup group(PersistentWorksRegistry works, StatementStore store) {
        return group(ReferenceChecker.withDefaultLabeller(works::match, store), store);
    }

    public static RouteGroup group(ReferenceChecker checker, StatementStore store) {
        ManuscriptReader reader = new ManuscriptReader();
        byte[] page = PageRoutes.read("/web/check.html");
        return routes -> {
            routes.post(
                    PATH,
                    RouteCost.QUERY,
                    ctx -> check(ctx, reader, checker, store, routes.overlay(), routes.json()),
                    RouteDoc.post(PATH, "Reference check of a manuscript: each reference resolved, with its tallies")
                            .param(RouteDoc.Param.query("format", "string", "json (default) or csv"))
                            .param(RouteDoc.Param.query(
                                    "name", "string", "the file name, a hint for the format (e.g. paper.xml)"))
                            .body("the manuscript: JATS, TEI, HTML, or plain text with one reference per line or"
                                    + " paragraph (after a References heading, or alone); at most "
                                    + ManuscriptReader.MAX_BYTES / (1024 * 1024) + " MB")
                            .tag("reference check")
                            .ok("{format, references, resolved, unresolved, withContrasting, labelModel, items:"
                                    + " [{position, raw, parsed, status, work, confidence, matchedBy, tallies,"
                                    + " statements}]}")
                            .response(400, "empty, unreadable, or no references found", "application/json")
                            .response(413, "larger than the cap", "application/json")
                            .build());
            routes.options(PATH, ctx -> {
                TallyRoutes.cors(ctx);
                ctx.header("Access-Control-Allow-Methods", "POST, OPTIONS");
                ctx.header("Access-Control-Allow-Headers", "Content-Type");
                ctx.status(204);
            });
            routes.get("/check", RouteCost.CHEAP, ctx -> {
                ctx.header("Cache-Control", "no-cache");
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.contentType("text/html; charset=utf-8").result(page);
            }, null);
        };
    }

    private static void check(
            Context ctx,
            ManuscriptReader reader,
            ReferenceChecker checker,
            StatementStore store,
            Overlay overlay,
            JsonOut json)
            throws IOException {
        TallyRoutes.cors(ctx);
        String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
        if (!format.equals("json") && !format.equals("csv")) {
            throw ApiException.badRequest("format must be json or csv, not '" + format + "'");
        }
        byte[] body;
        try (InputStream in = ctx.bodyInputStream()) {
            body = in.readNBytes(ManuscriptReader.MAX_BYTES + 1);
        }
        if (body.length > ManuscriptReader.MAX_BYTES) {
            throw new ApiException(413, "the manuscript is larger than " + ManuscriptReader.MAX_BYTES / (1024 * 1024)
                    + " MB; send its reference list alone");
        }
        String name = ctx.queryParam("name") == null ? "manuscript" : ctx.queryParam("name");
        CheckReport report;
        try {
            report = checker.check(reader.read(body, name));
        } catch (ManuscriptException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        if (format.equals("csv")) {
            StringWriter out = new StringWriter();
            CheckCsv.write(report, out);
            ctx.header("Content-Disposition", "attachment; filename=\"reference-check.csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(out.toString());
            return;
        }
        json.send(ctx, withOverlay(report, store, overlay, json));
    }

    /**
     * Each resolved reference's tallies as {@code /api/tallies} gives them: with the work's editorial notices (a
     * retracted reference is what a reference check most needs to flag), reviewed labels and a harvest's coverage.
     */
    private static ObjectNode withOverlay(CheckReport report, StatementStore store, Overlay overlay, JsonOut json)
            throws IOException {
        ObjectNode tree = json.mapper().valueToTree(report);
        ArrayNode items = (ArrayNode) tree.get("items");
        for (int i = 0; i < report.items().size(); i++) {
            Tallies t = report.items().get(i).tallies();
            if (t != null) {
                ((ObjectNode) items.get(i)).set("tallies", json.mapper().valueToTree(overlay.tallies(t, store)));
            }
        }
        return tree;
    }
}
