package org.citelens.api;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Server settings, each with a safe default (see {@link #defaults(Path, int)}).
 *
 * @param indexDir the index folder, only used to report its size in /metrics (may be null)
 * @param cheapConcurrency requests of {@link RouteCost#CHEAP} routes served at once before answering 503
 * @param queryConcurrency the same for {@link RouteCost#QUERY} routes
 * @param exportConcurrency the same for {@link RouteCost#EXPORT} routes
 * @param queueWait how long a request may wait for a free slot before the 503
 * @param clientRequestsPerSecond per-client rate limit (by remote address); 0 turns it off
 * @param tallyCacheTtl longest time a tally answer is reused; answers are dropped sooner when the index version
 *     changes (a concurrent ingest committed and the store refreshed)
 * @param maxBodyBytes largest request body accepted (POST /api/tallies)
 * @param labelModel the name of the model new ingests label with (shown by /health and the OpenAPI document)
 */
public record ApiConfig(
        String host,
        int port,
        Path indexDir,
        int cheapConcurrency,
        int queryConcurrency,
        int exportConcurrency,
        Duration queueWait,
        int clientRequestsPerSecond,
        Duration tallyCacheTtl,
        long maxBodyBytes,
        String labelModel) {

    public ApiConfig {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, not " + port);
        if (cheapConcurrency < 1 || queryConcurrency < 1 || exportConcurrency < 1) {
            throw new IllegalArgumentException("concurrency limits must be at least 1");
        }
        if (clientRequestsPerSecond < 0) throw new IllegalArgumentException("rate limit must be >= 0");
    }

    /** The settings before label models were named, with no current model. */
    public ApiConfig(
            String host,
            int port,
            Path indexDir,
            int cheapConcurrency,
            int queryConcurrency,
            int exportConcurrency,
            Duration queueWait,
            int clientRequestsPerSecond,
            Duration tallyCacheTtl,
            long maxBodyBytes) {
        this(
                host,
                port,
                indexDir,
                cheapConcurrency,
                queryConcurrency,
                exportConcurrency,
                queueWait,
                clientRequestsPerSecond,
                tallyCacheTtl,
                maxBodyBytes,
                null);
    }

    public static ApiConfig defaults(Path indexDir, int port) {
        return new ApiConfig(
                "0.0.0.0", port, indexDir, 256, 16, 2, Duration.ofMillis(200), 0, Duration.ofSeconds(60), 1_000_000);
    }

    public ApiConfig withLabelModel(String name) {
        return new ApiConfig(
                host,
                port,
                indexDir,
                cheapConcurrency,
                queryConcurrency,
                exportConcurrency,
                queueWait,
                clientRequestsPerSecond,
                tallyCacheTtl,
                maxBodyBytes,
                name);
    }

    public int limit(RouteCost cost) {
        return switch (cost) {
            case CHEAP -> cheapConcurrency;
            case QUERY -> queryConcurrency;
            case EXPORT -> exportConcurrency;
        };
    }

    public ApiConfig withHost(String newHost) {
        return new ApiConfig(
                newHost,
                port,
                indexDir,
                cheapConcurrency,
                queryConcurrency,
                exportConcurrency,
                queueWait,
                clientRequestsPerSecond,
                tallyCacheTtl,
                maxBodyBytes,
                labelModel);
    }

    public ApiConfig withRateLimit(int perSecond) {
        return new ApiConfig(
                host,
                port,
                indexDir,
                cheapConcurrency,
                queryConcurrency,
                exportConcurrency,
                queueWait,
                perSecond,
                tallyCacheTtl,
                maxBodyBytes,
                labelModel);
    }

    public ApiConfig withConcurrency(int cheap, int query, int export) {
        return new ApiConfig(
                host,
                port,
                indexDir,
                cheap,
                query,
                export,
                queueWait,
                clientRequestsPerSecond,
                tallyCacheTtl,
                maxBodyBytes,
                labelModel);
    }
}
