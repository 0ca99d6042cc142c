package org.citelens.solr;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    private final CloudSolrClient client;
    private final String collection;
    private final List<String> urls;

    private SolrConnection(CloudSolrClient client, String collection, List<String> urls) {
        this.client = client;
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
        CloudSolrClient client = new CloudSolrClient.Builder(list)
                .withHttpClientBuilder(new HttpJdkSolrClient.Builder()
                        .withConnectionTimeout(5, TimeUnit.SECONDS)
                        // HTTP/1.1: uploads of a thousand statements over HTTP/2 from the JDK client to Solr 9's
                        // Jetty stalled until the timeout
                        .useHttp1_1(true)
                        .withIdleTimeout(120, TimeUnit.SECONDS)
                        .withRequestTimeout(300, TimeUnit.SECONDS))
                .withDefaultCollection(collection)
                .build();
        return new SolrConnection(client, collection, list);
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
            if (r.code() == 400) throw new IllegalArgumentException(what + ": " + r.getMessage(), r);
            if (r.code() == 503 || r.code() == 510) {
                return new StoreUnavailableException(what + ": a shard has no live replica (" + r.getMessage() + ")", r);
            }
            return new IOException(what + ": Solr answered " + r.code() + ": " + r.getMessage(), r);
        }
        if (e instanceof SolrServerException) {
            return new StoreUnavailableException(what + ": no Solr node answered (" + e.getMessage() + ")", e);
        }
        if (e instanceof IOException io) return io;
        return new IOException(what + ": " + e, e);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
