package org.citelens.api;

import io.javalin.http.Context;
import org.citelens.model.Doi;

/**
 * Reads a DOI however a caller writes it: in the path with its slashes, percent-encoded ({@code 10.1006%2Fmeth}),
 * in any case, with a {@code doi:} or {@code https://doi.org/} prefix.
 */
final class DoiParam {
    private DoiParam() {}

    static String fromPath(Context ctx) {
        return require(ctx.pathParam("doi"), "path");
    }

    /** A DOI given as a query parameter, or null when the parameter is absent or empty. */
    static String fromQuery(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        return raw == null || raw.isBlank() ? null : require(raw, "parameter '" + name + "'");
    }

    static String require(String raw, String where) {
        if (raw == null || raw.length() > 1000) {
            throw ApiException.badRequest("the " + where + " must hold a DOI such as 10.1006/meth.2001.1262");
        }
        return Doi.normalize(raw)
                .orElseThrow(() -> ApiException.badRequest("'" + shorten(raw) + "' in the " + where
                        + " is not a DOI; expected something like 10.1006/meth.2001.1262"));
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
