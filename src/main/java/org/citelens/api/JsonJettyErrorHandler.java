package org.citelens.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a request reaches Javalin (malformed URIs, oversized headers, bad
 * encodings), in the same JSON shape as every other error instead of Jetty's HTML page.
 */
final class JsonJettyErrorHandler extends ErrorHandler {
    /** Jetty writes an error body only for GET, POST and HEAD by default; a PUT or BREW gets the JSON error too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback)
            throws IOException {
        if (code == 505) {
            // a request line Jetty cannot read (e.g. "GET  HTTP/1.1") is taken for HTTP/0.9: the caller's mistake, so
            // 400
            code = 400;
            response.setStatus(400);
        }
        String text = message == null || message.isBlank() ? "bad request" : message;
        String body = "{\"error\":{\"status\":" + code + ",\"message\":\"" + escape(text) + "\"}}";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JsonOut.JSON);
        // Jetty drops the connection after a request it could not parse; saying so keeps clients from reusing it
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }
}
