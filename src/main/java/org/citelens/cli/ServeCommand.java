package org.citelens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.citelens.api.ApiConfig;
import org.citelens.api.ApiServer;
import org.citelens.api.WorksRoutes;
import org.citelens.index.LuceneStatementStore;
import org.citelens.index.StatementStore;
import org.citelens.resolve.PersistentWorksRegistry;
import org.citelens.resolve.WorksRegistries;
import org.citelens.solr.SolrConnection;
import org.citelens.solr.SolrStatementStore;
import org.citelens.solr.WorksSnapshots;

/**
 * {@code serve --index DIR [--port N] [--host ADDR] [--rate-limit N] [--max-exports N] [--max-queries N]}: the
 * API and web pages over one index, until the process is stopped.
 */
public final class ServeCommand implements Command {
    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "serve the API and web pages (--index DIR --port N)";
    }

    @Override
    public int run(Args args) throws Exception {
        args.allowOnly(Set.of(
                "index", "solr", "collection", "port", "host", "rate-limit", "max-exports", "max-queries", "tally-cache-ms"));
        boolean solr = SolrTarget.requested(args);
        Path index = solr ? null : args.requirePath("index");
        if (!solr && !Files.isDirectory(index)) {
            throw new UsageException(
                    "--index " + index + " is not a folder; build one with: ingest --corpus DIR --index " + index);
        }
        int port = args.getInt("port", 7070);
        if (port < 0 || port > 65535) throw new UsageException("--port must be 0..65535, not " + port);
        ApiConfig defaults = ApiConfig.defaults(index, port);
        ApiConfig config = new ApiConfig(
                args.get("host", defaults.host()),
                port,
                index,
                defaults.cheapConcurrency(),
                positive(args, "max-queries", defaults.queryConcurrency()),
                positive(args, "max-exports", defaults.exportConcurrency()),
                defaults.queueWait(),
                args.getInt("rate-limit", 0),
                Duration.ofMillis(
                        args.getLong("tally-cache-ms", defaults.tallyCacheTtl().toMillis())),
                defaults.maxBodyBytes(),
                org.citelens.classify.Classifiers.defaultModelName());
        StatementStore store;
        PersistentWorksRegistry works;
        String source;
        if (solr) {
            SolrConnection connection = SolrTarget.connect(args);
            store = new SolrStatementStore(connection);
            // the works registry every ingest publishes to the collection, unpacked for this server
            Path worksDir = Files.createTempDirectory("citelens-works-");
            WorksSnapshots.Head head = new WorksSnapshots(connection).download(worksDir);
            works = PersistentWorksRegistry.openReadOnly(worksDir);
            source = "Solr collection " + connection.collection() + " at " + String.join(",", connection.urls())
                    + " (works generation " + head.generation() + ")";
        } else {
            store = LuceneStatementStore.open(index);
            works = WorksRegistries.openReadOnly(index);
            source = index.toString();
        }
        ApiServer server = new ApiServer(store, config, List.of(WorksRoutes.group(works, store))).start();
        System.err.printf(
                "citelens serve: %,d statements from %s on http://localhost:%d/%n",
                store.statementCount(), source, server.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            try {
                                works.close();
                                store.close();
                            } catch (java.io.IOException e) {
                                System.err.println("citelens serve: closing the index failed: " + e.getMessage());
                            }
                            stopped.countDown();
                        },
                        "citelens-shutdown"));
        stopped.await();
        return 0;
    }

    private static int positive(Args args, String flag, int fallback) {
        int v = args.getInt(flag, fallback);
        if (v < 1) throw new UsageException("--" + flag + " must be at least 1, not " + v);
        return v;
    }
}
