package org.citelens.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One HTTP GET, no redirects followed (the crawler re-checks every hop), with connect and read timeouts, a
 * total time cap enforced by a watchdog that drops the connection, and the decompressed body capped.
 * HttpURLConnection rather than java.net.http.HttpClient because its read timeout covers every read of the
 * body, so a server that stalls mid-body is caught, not only one that is slow to answer.
 */
public final class HttpFetcher {
    static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5";

    private final CrawlConfig config;
    private final ScheduledExecutorService watchdog;

    public HttpFetcher(CrawlConfig config, ScheduledExecutorService watchdog) {
        this.config = config;
        this.watchdog = watchdog;
    }

    public FetchResponse get(String url) throws IOException {
        URLConnection raw = URI.create(url).toURL().openConnection();
        if (!(raw instanceof HttpURLConnection conn)) throw new IOException("not an http(s) URL: " + url);
        conn.setInstanceFollowRedirects(false);
        conn.setUseCaches(false);
        conn.setConnectTimeout(config.connectTimeoutMs());
        conn.setReadTimeout(config.readTimeoutMs());
        conn.setRequestProperty("User-Agent", config.userAgent());
        conn.setRequestProperty("Accept", ACCEPT);
        conn.setRequestProperty("Accept-Encoding", "gzip, deflate");
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> timer = watchdog.schedule(
                () -> {
                    expired.set(true);
                    conn.disconnect();
                },
                config.totalTimeoutMs(),
                TimeUnit.MILLISECONDS);
        try {
            int status = conn.getResponseCode();
            String type = conn.getContentType();
            String location = conn.getHeaderField("Location");
            String retryAfter = conn.getHeaderField("Retry-After");
            if (status < 200 || status >= 300) {
                drain(conn);
                return new FetchResponse(status, type, location, retryAfter, new byte[0]);
            }
            long declared = conn.getContentLengthLong();
            String encoding = conn.getContentEncoding();
            if (declared > config.maxBytes() && (encoding == null || encoding.equalsIgnoreCase("identity"))) {
                conn.disconnect();
                throw new BodyTooLargeException(config.maxBytes(), "Content-Length " + declared);
            }
            try (InputStream in = conn.getInputStream()) {
                byte[] body = BoundedBody.read(in, encoding, config.maxBytes(), expired::get);
                return new FetchResponse(status, type, location, retryAfter, body);
            }
        } catch (IOException e) {
            if (expired.get())
                throw new IOException("fetch ran past its " + config.totalTimeoutMs() + " ms total time cap", e);
            conn.disconnect();
            throw e;
        } finally {
            timer.cancel(false);
        }
    }

    /** Closes the error body so the connection can be reused; its content is never needed. */
    private static void drain(HttpURLConnection conn) {
        try (InputStream err = conn.getErrorStream()) {
            if (err != null) err.skip(64 * 1024);
        } catch (IOException ignored) {
            // the status line is all we use; a broken error body changes nothing
        }
    }
}
