package org.citelens.solrcluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A local SolrCloud for trials and the end-to-end tests: real Solr 9 nodes and an embedded ZooKeeper in this JVM,
 * Citelens's configset uploaded and a collection created. Prints one line {@code READY solr=URL collection=NAME}
 * once the collection answers, then runs until SIGTERM or Ctrl-C.
 *
 * <p>Usage: {@code LocalSolrCloud --configset DIR [--nodes N] [--shards N] [--replicas R] [--port P]
 * [--collection NAME] [--dir DIR]}. The first node listens on {@code --port} (0: any free port), the others on free
 * ports. A graceful stop once hung in Jetty, so the shutdown is bounded and the JVM halts after it.
 */
public final class LocalSolrCloud {
    private static final long STOP_SECONDS = 15;

    private LocalSolrCloud() {}

    public static void main(String[] argv) {
        try {
            run(argv);
        } catch (Exception | Error e) {
            // Solr's threads are not daemons: without an exit a failed start would leave the JVM running
            System.err.println("solr-cluster: failed to start: " + e);
            e.printStackTrace();
            Runtime.getRuntime().halt(1);
        }
    }

    private static void run(String[] argv) throws Exception {
        Options o;
        try {
            o = Options.parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println("solr-cluster: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path base = o.dir != null ? o.dir : Files.createTempDirectory("citelens-solrcloud");
        // Solr's test cluster honours these in place of solr.xml settings; keep it on loopback and quiet
        System.setProperty("host", "127.0.0.1");
        System.setProperty("solr.log.dir", base.resolve("logs").toString());
        System.setProperty("solr.disableDefaultJmxReporter", "true");
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(1, base)
                .withJettyConfig(j -> j.setPort(o.port).setContext("/solr"))
                .addConfig("citelens", o.configset.resolve("conf"))
                .build();
        List<JettySolrRunner> nodes = new ArrayList<>(cluster.getJettySolrRunners());
        for (int i = 1; i < o.nodes; i++) {
            nodes.add(cluster.startJettySolrRunner(
                    "citelens-node" + (i + 1), "/solr", JettyConfig.builder().setPort(0).build()));
        }
        cluster.waitForAllNodes(60);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopBounded(cluster, stop), "solr-cluster-stop"));
        CollectionAdminRequest.createCollection(o.collection, "citelens", o.shards, o.replicas)
                .process(cluster.getSolrClient());
        cluster.waitForActiveCollection(o.collection, 60, TimeUnit.SECONDS, o.shards, o.shards * o.replicas);
        String url = nodes.get(0).getBaseUrl().toString();
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) all.append(i == 0 ? "" : ",").append(nodes.get(i).getBaseUrl());
        System.err.println("solr-cluster: " + o.nodes + " nodes, collection " + o.collection + " with " + o.shards
                + " shards x " + o.replicas + " replicas, data in " + base);
        System.out.println("NODES " + all);
        System.out.println("READY solr=" + url + " collection=" + o.collection);
        System.out.flush();
        Thread control = new Thread(() -> readCommands(cluster, nodes), "solr-cluster-control");
        control.setDaemon(true);
        control.start();
        stop.await();
    }

    /**
     * Commands on standard input, one a line, for fault tests: {@code stop N} stops node N (0-based) and answers
     * {@code STOPPED N} once it is down.
     */
    private static void readCommands(MiniSolrCloudCluster cluster, List<JettySolrRunner> nodes) {
        try (java.io.BufferedReader in = new java.io.BufferedReader(
                new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] words = line.strip().split("\\s+");
                if (words.length == 2 && words[0].equals("stop") && words[1].matches("\\d+")) {
                    int n = Integer.parseInt(words[1]);
                    if (n >= nodes.size()) {
                        System.out.println("ERROR no node " + n);
                    } else {
                        try {
                            stop(cluster, nodes.get(n));
                            System.out.println("STOPPED " + n);
                        } catch (Exception e) {
                            // one failed command must not end the control loop (the caller would wait for nothing)
                            System.out.println("ERROR stop " + n + " failed: " + e);
                        }
                    }
                } else if (!line.isBlank()) {
                    System.out.println("ERROR unknown command '" + line.strip() + "' (known: stop N)");
                }
                System.out.flush();
            }
        } catch (Exception e) {
            System.err.println("solr-cluster: control input failed: " + e);
        }
    }

    /**
     * Stops a node and waits until ZooKeeper no longer lists it. MiniSolrCloudCluster gives that 15 s, which a
     * machine busy with other builds has exceeded (a CI run once missed even a minute): the wait is repeated for up to
     * three minutes.
     */
    private static void stop(MiniSolrCloudCluster cluster, JettySolrRunner node) throws Exception {
        cluster.stopJettySolrRunner(node);
        for (int attempt = 1; ; attempt++) {
            try {
                cluster.waitForJettyToStop(node);
                return;
            } catch (java.util.concurrent.TimeoutException e) {
                if (attempt >= 12) throw e;
            }
        }
    }

    /** Stops the cluster, but never for longer than {@link #STOP_SECONDS}: then the JVM halts. */
    private static void stopBounded(MiniSolrCloudCluster cluster, CountDownLatch stop) {
        Thread t = new Thread(() -> {
            try {
                cluster.shutdown();
            } catch (Exception e) {
                System.err.println("solr-cluster: stop failed: " + e);
            }
        }, "solr-cluster-shutdown");
        t.setDaemon(true);
        t.start();
        try {
            t.join(TimeUnit.SECONDS.toMillis(STOP_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            System.err.println("solr-cluster: graceful stop took over " + STOP_SECONDS + " s; halting");
            Runtime.getRuntime().halt(0);
        }
        System.err.println("solr-cluster: stopped");
        stop.countDown();
    }

    /** The command line; IllegalArgumentException with a one-line reason for anything else. */
    private record Options(Path configset, int nodes, int shards, int replicas, int port, String collection, Path dir) {
        static Options parse(String[] argv) {
            Path configset = null;
            Path dir = null;
            int nodes = 2, shards = 2, replicas = 2, port = 0;
            String collection = "statements";
            for (int i = 0; i < argv.length; i++) {
                String flag = argv[i];
                if (i + 1 >= argv.length) throw new IllegalArgumentException(flag + " needs a value");
                String v = argv[++i];
                switch (flag) {
                    case "--configset" -> configset = Path.of(v);
                    case "--dir" -> dir = Path.of(v);
                    case "--collection" -> collection = v;
                    case "--nodes" -> nodes = number(flag, v, 1, 16);
                    case "--shards" -> shards = number(flag, v, 1, 64);
                    case "--replicas" -> replicas = number(flag, v, 1, 16);
                    case "--port" -> port = number(flag, v, 0, 65535);
                    default -> throw new IllegalArgumentException("unknown option " + flag
                            + " (options: --nodes N --shards N --replicas R --port P --collection NAME --dir DIR)");
                }
            }
            if (configset == null || !Files.isRegularFile(configset.resolve("conf/solrconfig.xml"))) {
                throw new IllegalArgumentException("--configset must name a folder holding conf/solrconfig.xml");
            }
            if (replicas > nodes) {
                throw new IllegalArgumentException(
                        "--replicas " + replicas + " needs at least as many nodes (--nodes " + nodes + ")");
            }
            return new Options(configset, nodes, shards, replicas, port, collection, dir);
        }

        private static int number(String flag, String v, int min, int max) {
            try {
                int n = Integer.parseInt(v);
                if (n >= min && n <= max) return n;
            } catch (NumberFormatException e) {
                // falls through to the message
            }
            throw new IllegalArgumentException(flag + " takes a whole number from " + min + " to " + max + ", not " + v);
        }
    }
}
