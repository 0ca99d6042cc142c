package org.citelens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.citelens.api.AdminToken;
import org.citelens.api.ApiConfig;
import org.citelens.api.ApiServer;
import org.citelens.api.ReferenceCheckRoutes;
import org.citelens.api.Curation;
import org.citelens.feedback.FeedbackLog;
import org.citelens.api.WorksRoutes;
import org.citelens.index.LuceneStatementStore;
import org.citelens.index.StatementStore;
import org.citelens.notice.NoticeStore;
import org.citelens.resolve.PersistentWorksRegistry;
import org.citelens.resolve.WorksRegistries;
import org.citelens.solr.SolrConnection;
import org.citelens.solr.SolrStatementStore;
import org.citelens.solr.WorksSnapshots;

/**
 * {@code serve --index DIR|--solr URL[,URL...] --collection NAME [--work DIR] [--port N] [--host ADDR]
 * [--rate-limit N] [--max-exports N] [--max-queries N] [--feedback] [--admin-token-file FILE]}: the API and web
 * pages over one index, until the process is stopped; {@code --feedback} lets readers suggest labels,
 * {@code --admin-token-file} lets curators set reviewed ones. Notices and feedback live beside a local index; for a
 * Solr collection in the {@code --work} folder, and without one there are none.
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
                "index",
                "solr",
                "collection",
                "work",
                "port",
                "host",
                "rate-limit",
                "max-exports",
                "max-queries",
                "tally-cache-ms",
                "feedback",
                "admin-token-file"));
        boolean solr = SolrTarget.requested(args);
        if (args.has("work") && !solr) {
            throw new UsageException("--work goes with --solr (the local index keeps its notices and feedback itself)");
        }
        boolean feedback = switch (String.valueOf(args.get("feedback", args.has("feedback") ? "true" : "false"))) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new UsageException("--feedback takes no value (or true/false), not '" + args.get("feedback") + "'");
        };
        if (solr && !args.has("work") && (feedback || args.has("admin-token-file"))) {
            throw new UsageException(
                    "--feedback and --admin-token-file with --solr need --work DIR, the folder that keeps the feedback log");
        }
        AdminToken admin = null;
        if (args.has("admin-token-file")) {
            Path tokenFile = args.requirePath("admin-token-file");
            if (!Files.isRegularFile(tokenFile)) {
                throw new UsageException("--admin-token-file " + tokenFile + ": no such file");
            }
            try {
                admin = AdminToken.fromFile(tokenFile);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        Path index = solr ? null : args.requirePath("index");
        // where notices and feedback live: beside the local index, or in --work for a Solr collection (none without)
        Path curationHome = solr ? (args.has("work") ? args.requirePath("work") : null) : index;
        if (solr && curationHome != null && Files.exists(curationHome) && !Files.isDirectory(curationHome)) {
            throw new UsageException("--work " + curationHome + " exists and is not a folder");
        }
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
        FeedbackLog log = null;
        Curation curation = Curation.none();
        if (curationHome != null) {
            Files.createDirectories(curationHome);
            // read even with both switches off, so reviewed labels given earlier still show; written only when on
            log = feedback || admin != null ? FeedbackLog.open(curationHome) : FeedbackLog.openReadOnly(curationHome);
            curation = new Curation(NoticeStore.of(curationHome), log, feedback, admin, null);
        }
        ApiServer server = new ApiServer(
                        store,
                        config,
                        List.of(WorksRoutes.group(works, store), ReferenceCheckRoutes.group(works, store)),
                        curation)
                .start();
        System.err.printf(
                "citelens serve: %,d statements and %,d notices from %s%s on http://localhost:%d/ (label suggestions %s, curation %s)%n",
                store.statementCount(),
                curation.notices() == null ? 0 : curation.notices().current().size(),
                source,
                solr ? (curationHome == null ? ", no notices or feedback (no --work)" : ", notices and feedback in " + curationHome) : "",
                server.port(),
                feedback ? "on" : "off",
                admin != null ? "on" : "off");
        FeedbackLog openLog = log;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            try {
                                works.close();
                                if (openLog != null) openLog.close();
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
