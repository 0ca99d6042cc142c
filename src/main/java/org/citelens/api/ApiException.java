package org.citelens.api;

import java.util.Map;

/**
 * An HTTP error the caller can act on. The one exception mapper in {@link ErrorResponses} renders it as
 * {@code {"error": {"status", "message"}}} with these extra response headers (e.g. Retry-After).
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final Map<String, String> headers;

    public ApiException(int status, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    public ApiException(int status, String message) {
        this(status, message, Map.of());
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
