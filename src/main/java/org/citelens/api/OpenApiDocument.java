package org.citelens.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the OpenAPI 3.1 document from the {@link RouteDoc}s that the route groups registered. */
final class OpenApiDocument {
    private OpenApiDocument() {}

    static Map<String, Object> build(List<RouteDoc> docs, String labelModel) {
        Map<String, Object> paths = new LinkedHashMap<>();
        for (RouteDoc d : docs) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item =
                    (Map<String, Object>) paths.computeIfAbsent(d.path(), p -> new LinkedHashMap<>());
            item.put(d.method(), operation(d));
        }
        Map<String, Object> error = Map.of(
                "type",
                "object",
                "required",
                List.of("error"),
                "properties",
                Map.of(
                        "error",
                        Map.of(
                                "type",
                                "object",
                                "required",
                                List.of("status", "message"),
                                "properties",
                                Map.of("status", Map.of("type", "integer"), "message", Map.of("type", "string")))));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", "Citelens API");
        info.put("version", "1");
        info.put(
                "description",
                "Citation statements labelled supporting, contrasting or mentioning; tallies in scite's shape. "
                        + "Every error is {\"error\": {\"status\", \"message\"}}. Labels are machine-made; each statement names the "
                        + "model that gave it (labelModel)"
                        + (labelModel == null ? "." : "; the current model is " + labelModel + "."));
        // An extension field, so clients can read the model's name without parsing prose.
        info.put("x-label-model", labelModel);
        doc.put("info", info);
        doc.put("paths", paths);
        doc.put("components", Map.of("schemas", Map.of("Error", error)));
        return doc;
    }

    private static Map<String, Object> operation(RouteDoc d) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", d.summary());
        if (!d.tags().isEmpty()) op.put("tags", d.tags());
        List<Map<String, Object>> params = new ArrayList<>();
        for (RouteDoc.Param p : d.params()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.name());
            pm.put("in", p.in());
            pm.put("required", p.required());
            pm.put("description", p.description());
            pm.put("schema", Map.of("type", p.type()));
            params.add(pm);
        }
        if (!params.isEmpty()) op.put("parameters", params);
        if (d.requestBody() != null) {
            op.put(
                    "requestBody",
                    Map.of(
                            "required",
                            true,
                            "description",
                            d.requestBody(),
                            "content",
                            Map.of(
                                    "application/json",
                                    Map.of("schema", Map.of("type", "array", "items", Map.of("type", "string"))))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        for (RouteDoc.Response r : d.responses()) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("description", r.description());
            if (r.contentType() != null) {
                Map<String, Object> schema =
                        r.status() >= 400 ? Map.of("$ref", "#/components/schemas/Error") : Map.of();
                rm.put("content", Map.of(r.contentType(), Map.of("schema", schema)));
            }
            responses.put(String.valueOf(r.status()), rm);
        }
        op.put("responses", responses);
        return op;
    }
}
