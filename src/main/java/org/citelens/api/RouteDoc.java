package org.citelens.api;

import java.util.List;

/**
 * What /api/openapi.json says about one route.
 *
 * @param path the route as OpenAPI writes it, e.g. {@code /api/tallies/{doi}}
 * @param responses status code to description, in order
 */
public record RouteDoc(
        String method,
        String path,
        String summary,
        List<Param> params,
        String requestBody,
        List<Response> responses,
        List<String> tags) {

    public RouteDoc {
        params = List.copyOf(params);
        responses = List.copyOf(responses);
        tags = List.copyOf(tags);
    }

    /** A path or query parameter. */
    public record Param(String name, String in, String type, boolean required, String description) {
        public static Param path(String name, String description) {
            return new Param(name, "path", "string", true, description);
        }

        public static Param query(String name, String type, String description) {
            return new Param(name, "query", type, false, description);
        }
    }

    public record Response(int status, String description, String contentType) {}

    public static Builder get(String path, String summary) {
        return new Builder("get", path, summary);
    }

    public static Builder post(String path, String summary) {
        return new Builder("post", path, summary);
    }

    /** Collects a route's description step by step. */
    public static final class Builder {
        private final String method;
        private final String path;
        private final String summary;
        private final java.util.ArrayList<Param> params = new java.util.ArrayList<>();
        private final java.util.ArrayList<Response> responses = new java.util.ArrayList<>();
        private final java.util.ArrayList<String> tags = new java.util.ArrayList<>();
        private String requestBody;

        private Builder(String method, String path, String summary) {
            this.method = method;
            this.path = path;
            this.summary = summary;
        }

        public Builder param(Param p) {
            params.add(p);
            return this;
        }

        public Builder params(List<Param> ps) {
            params.addAll(ps);
            return this;
        }

        public Builder body(String description) {
            requestBody = description;
            return this;
        }

        public Builder ok(String description) {
            return response(200, description, "application/json");
        }

        public Builder response(int status, String description, String contentType) {
            responses.add(new Response(status, description, contentType));
            return this;
        }

        public Builder tag(String tag) {
            tags.add(tag);
            return this;
        }

        public RouteDoc build() {
            return new RouteDoc(method, path, summary, params, requestBody, responses, tags);
        }
    }
}
