package org.citelens.harvest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Reading the sources' JSON and writing their URLs: the small helpers the three clients share. */
final class SourceJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SourceJson() {}

    /** The answer as JSON; a body that does not parse (a truncated answer, an HTML error page) is a failure. */
    static JsonNode read(CachedAnswer a, String source) throws FetchFailedException {
        try {
            JsonNode n = JSON.readTree(a.body());
            if (n == null || n.isMissingNode()) throw new FetchFailedException(source + " sent an empty body");
            return n;
        } catch (JacksonException e) {
            throw new FetchFailedException(
                    source + " sent a body that is not whole JSON (truncated?): " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new FetchFailedException(source + " sent an unreadable body: " + e.getMessage(), e);
        }
    }

    /** A text field, or null when missing, null or blank. */
    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * A DOI (or other id) as URL path characters: the slash stays (the APIs expect {@code 10.x/y} as is), and
     * everything a path may not hold raw ({@code ? # %}, spaces, brackets, non-ASCII) is percent-encoded.
     */
    static String path(String id) {
        StringBuilder sb = new StringBuilder();
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~/:()!$&'*+,;=@".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }
}
