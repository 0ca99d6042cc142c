package org.citelens.api;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.citelens.index.StatementStore;

/** {@code /health}, {@code /metrics} and {@code /api/openapi.json}. */
final class SystemRoutes implements RouteGroup {
    private final RequestMetrics metrics;
    private final Path indexDir;
    private final Supplier<List<RouteDoc>> docs;
    private final long startedAt = System.currentTimeMillis();

    private final String labelModel;

    SystemRoutes(RequestMetrics metrics, Path indexDir, String labelModel, Supplier<List<RouteDoc>> docs) {
        this.labelModel = labelModel;
        this.metrics = metrics;
        this.indexDir = indexDir;
        this.docs = docs;
    }

    @Override
    public void register(ApiRoutes routes) {
        StatementStore store = routes.store();
        JsonOut json = routes.json();
        routes.get(
                "/health",
                RouteCost.CHEAP,
                ctx -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("status", "ok");
                    m.put("statements", store.statementCount());
                    m.put("uptimeSeconds", (System.currentTimeMillis() - startedAt) / 1000);
                    m.put("labelModel", labelModel);
                    m.put("labelModels", store.labelModels());
                    ctx.header("Cache-Control", "no-store");
                    // the browser extension's options page checks the server with it, from its own origin
                    ctx.header("Access-Control-Allow-Origin", "*");
                    json.send(ctx, m);
                },
                RouteDoc.get(
                                "/health",
                                "Liveness: ok, the number of statements served, the current labelling model and how "
                                        + "many statements each model labelled")
                        .tag("system")
                        .ok("{status: ok, statements, uptimeSeconds, labelModel, labelModels: {name: statements}}")
                        .build());
        routes.get(
                "/metrics",
                RouteCost.CHEAP,
                ctx -> {
                    ctx.header("Cache-Control", "no-store");
                    ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                            .result(PrometheusText.render(metrics, store, indexDir));
                },
                RouteDoc.get(
                                "/metrics",
                                "Prometheus metrics: requests and latency per route, index size and statement count")
                        .tag("system")
                        .response(200, "Prometheus text format 0.0.4", "text/plain")
                        .build());
        routes.get(
                "/api/openapi.json",
                RouteCost.CHEAP,
                ctx -> {
                    ctx.header("Access-Control-Allow-Origin", "*");
                    json.send(ctx, OpenApiDocument.build(docs.get(), labelModel));
                },
                RouteDoc.get("/api/openapi.json", "This description of the API")
                        .tag("system")
                        .ok("OpenAPI 3.1 document")
                        .build());
    }
}
