package org.citelens.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The server's one JSON mapper, and the error body shape {@code {"error": {"status", "message"}}}. */
public final class JsonOut {
    public static final String JSON = "application/json; charset=utf-8";

    private final ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    public ObjectMapper mapper() {
        return mapper;
    }

    public byte[] bytes(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void send(Context ctx, Object value) {
        ctx.contentType(JSON).result(bytes(value));
    }

    public static Map<String, Object> errorBody(int status, String message) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("status", status);
        inner.put("message", message == null || message.isBlank() ? "error" : message);
        return Map.of("error", inner);
    }
}
