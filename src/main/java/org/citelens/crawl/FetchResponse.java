package org.citelens.crawl;

/**
 * One answer from a server or the file system. {@code body} is the decompressed body for 2xx answers and empty
 * otherwise; {@code location} and {@code retryAfter} are the raw header values or {@code null}.
 */
public record FetchResponse(int status, String contentType, String location, String retryAfter, byte[] body) {
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public boolean isRedirect() {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** Worth another try later: the server is overloaded or asked us to slow down. */
    public boolean isRetryable() {
        return status == 429 || status >= 500;
    }
}
