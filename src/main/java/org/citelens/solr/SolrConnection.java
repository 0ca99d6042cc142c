package org.citelens.solr;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.common.SolrException;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.citelens.index.StoreUnavailableException;

/**
 * A SolrCloud collection, reached over HTTP only: SolrJ's cloud client reads the cluster state from any of the
 * given nodes and sends each request to a live replica (an update to the leader of its shard).
 */
public final class SolrConnection implements Closeable {
    /**
     * How long one request may take before it is abandoned: an update of a thousand statements takes about a second
     * on a 2-core machine and 20-25 s when other jobs take its cores, a commit a few; the writer sends a timed-out
     * update again.
     */
    static final long REQUEST_SECONDS = 60;

    private final CloudSolrClient client;
    private final ExecutorService http;
    private final String collection;
    private final List<String> urls;

    private SolrConnection(CloudSolrClient client, ExecutorService http, String collection, List<String> urls) {
        this.client = client;
        this.http = http;
        this.collection = collection;
        this.urls = urls;
    }

    /**
     * @param urls one or more node URLs, comma-separated ({@code http://host:8983/solr,http://host2:8983/solr})
     * @throws IllegalArgumentException for a URL that is not http(s) or a blank collection name
     */
    public static SolrConnection open(String urls, String collection) {
        List<String> list = parseUrls(urls);
        if (collection == null || !collection.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException(
                    "collection name must be letters, digits, '.', '_' or '-', not '" + collection + "'");
        }
        ExecutorService http = httpThreads();
        CloudSolrClient client = new CloudSolrClient.Builder(list)
                .withHttpClientBuilder(new HttpJdkSolrClient.Builder()
                        .withExecutor(http)
                        .withConnectionTimeout(5, TimeUnit.SECONDS)
                        // HTTP/1.1, the path the tests run: uploads over HTTP/2 once stalled until the timeout, most
                        // likely the executor deadlock described at httpThreads()
                        .useHttp1_1(true)
                        .withRequestTimeout(REQUEST_SECONDS, TimeUnit.SECONDS))
                .withDefaultCollection(collection)
                .build();
        return new SolrConnection(client, http, collection, list);
    }

    /**
     * The threads of the HTTP client, one per task and never queued. SolrJ 10's own pool for HttpJdkSolrClient has 4
     * threads and a queue of 1,024 (a ThreadPoolExecutor adds threads only once its queue is full), and it runs both
     * the JDK HttpClient's tasks and the tasks that write each update's body into a 1 KB pipe the HttpClient reads
     * from: with four update bodies in flight (two ingest threads, each update split over two shards) all four
     * threads can block writing into pipes whose readers wait in the queue behind them, and the requests never end,
     * timeouts included (SOLR-18312 gives the HttpClient a pool of its own in a later SolrJ). Daemon threads: a
     * connection left open never keeps a JVM alive.
     */
    private static ExecutorService httpThreads() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "citelens-solr-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    static List<String> parseUrls(String urls) {
        if (urls == null || urls.isBlank()) throw new IllegalArgumentException("--solr needs at least one URL");
        List<String> out = new ArrayList<>();
        for (String u : urls.split(",")) {
            String s = u.strip();
            if (s.isEmpty()) continue;
            URI uri;
            try {
                uri = URI.create(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a URL: " + s);
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("a Solr URL looks like http://host:8983/solr, not " + s);
            }
            out.add(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        }
        if (out.isEmpty()) throw new IllegalArgumentException("--solr needs at least one URL");
        return List.copyOf(out);
    }

    CloudSolrClient client() {
        return client;
    }

    public String collection() {
        return collection;
    }

    public List<String> urls() {
        return urls;
    }

    /** Says what failed in words a user can act on; a shard without a live replica is a StoreUnavailableException. */
    static IOException failure(String what, Exception e) {
        if (e instanceof SolrException r) {
            String message = firstLine(r.getMessage());
            if (r.code() == 400) throw new IllegalArgumentException(what + ": " + message, r);
            if (r.code() == 503 || r.code() == 510) {
                return new StoreUnavailableException(what + ": a shard has no live replica (" + message + ")", r);
            }
            return new IOException(what + ": Solr answered " + r.code() + ": " + message, r);
        }
        if (e instanceof SolrServerException) {
            return new StoreUnavailableException(what + ": no Solr node answered (" + firstLine(e.getMessage()) + ")", e);
        }
        if (e instanceof IOException io) return io;
        return new IOException(what + ": " + e, e);
    }

    /**
     * A Solr error message cut to its first line: a leader that could not reach a replica lists one exception a
     * line ("70 Async exceptions during distributed update: ..."), and the CLI says a failure in one line.
     */
    static String firstLine(String message) {
        if (message == null) return "";
        String[] lines = message.strip().split("\\R");
        return lines.length == 1 ? lines[0] : lines[0] + " " + lines[1].strip() + " (and " + (lines.length - 2) + " more lines)";
    }

    @Override
    public void close() throws IOException {
        try {
            client.close();
        } finally {
            // SolrJ leaves an executor it was given running
            http.shutdownNow();
        }
    }
}
