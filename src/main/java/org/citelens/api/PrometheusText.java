package org.citelens.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.citelens.index.StatementStore;

/** Renders {@link RequestMetrics} and the index's size in the Prometheus text exposition format 0.0.4. */
final class PrometheusText {
    private PrometheusText() {}

    static String render(RequestMetrics metrics, StatementStore store, Path indexDir) throws IOException {
        StringBuilder out = new StringBuilder(4096);
        var snapshot = metrics.snapshot();
        out.append("# HELP citelens_http_requests_total HTTP requests answered, by route and status.\n");
        out.append("# TYPE citelens_http_requests_total counter\n");
        for (var e : snapshot.entrySet()) {
            for (Map.Entry<Integer, java.util.concurrent.atomic.LongAdder> s :
                    new java.util.TreeMap<>(e.getValue().statuses).entrySet()) {
                out.append("citelens_http_requests_total{")
                        .append(labels(e.getKey()))
                        .append(",status=\"")
                        .append(s.getKey())
                        .append("\"} ")
                        .append(s.getValue().sum())
                        .append('\n');
            }
        }
        out.append("# HELP citelens_http_request_duration_seconds Time to answer a request, by route.\n");
        out.append("# TYPE citelens_http_request_duration_seconds histogram\n");
        for (var e : snapshot.entrySet()) {
            String labels = labels(e.getKey());
            RequestMetrics.RouteStats st = e.getValue();
            long cumulative = 0;
            for (int i = 0; i < RequestMetrics.BUCKETS.length; i++) {
                cumulative += st.buckets[i].sum();
                out.append("citelens_http_request_duration_seconds_bucket{")
                        .append(labels)
                        .append(",le=\"")
                        .append(RequestMetrics.BUCKETS[i])
                        .append("\"} ")
                        .append(cumulative)
                        .append('\n');
            }
            long count = st.count.sum();
            out.append("citelens_http_request_duration_seconds_bucket{")
                    .append(labels)
                    .append(",le=\"+Inf\"} ")
                    .append(count)
                    .append('\n');
            out.append("citelens_http_request_duration_seconds_sum{")
                    .append(labels)
                    .append("} ")
                    .append(String.format(Locale.ROOT, "%.6f", st.nanos.sum() / 1e9))
                    .append('\n');
            out.append("citelens_http_request_duration_seconds_count{")
                    .append(labels)
                    .append("} ")
                    .append(count)
                    .append('\n');
        }
        gauge(
                out,
                "citelens_http_rejected_total",
                "counter",
                "Requests turned away by a concurrency or rate limit (503/429).",
                metrics.rejectedCount());
        gauge(out, "citelens_index_statements", "gauge", "Citation statements in the index.", store.statementCount());
        if (indexDir != null) {
            gauge(out, "citelens_index_size_bytes", "gauge", "Bytes on disk of the index folder.", sizeOf(indexDir));
        }
        Runtime rt = Runtime.getRuntime();
        gauge(out, "citelens_jvm_heap_used_bytes", "gauge", "Heap in use.", rt.totalMemory() - rt.freeMemory());
        return out.toString();
    }

    private static String labels(RequestMetrics.RouteKey key) {
        return "method=\"" + key.method() + "\",route=\""
                + key.route().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void gauge(StringBuilder out, String name, String type, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        out.append(name).append(' ').append(value).append('\n');
    }

    private static long sizeOf(Path dir) {
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            return 0; // a segment file merged away while we walked: it no longer counts
                        }
                    })
                    .sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
