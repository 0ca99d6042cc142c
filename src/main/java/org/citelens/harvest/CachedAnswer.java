package org.citelens.harvest;

import java.nio.charset.StandardCharsets;

/** A definite answer of a server (2xx or 404), from the network or from the {@link ResponseCache}. */
record CachedAnswer(int status, String contentType, byte[] body) {
    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
