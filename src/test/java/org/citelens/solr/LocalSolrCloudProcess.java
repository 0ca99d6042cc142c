package org.citelens.solr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The repository's test SolrCloud ({@code solr-cluster/}, real Solr 9 nodes and ZooKeeper) in a JVM of its own,
 * as {@code ./run.sh solr-cluster} starts it: never on the application's classpath, whose Lucene and Jetty differ.
 * Builds the cluster project first when its jar is missing.
 */
final class LocalSolrCloudProcess implements AutoCloseable {
    private static final Path PROJECT = Path.of("solr-cluster");
    private static final Path CONFIGSET = Path.of("src/main/resources/org/citelens/solr/configset");

    private final Process process;
    private final PrintWriter control;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> nodes = new ArrayList<>();
    private final java.util.Set<Integer> stopped = new java.util.HashSet<>();
    private String url;

    private LocalSolrCloudProcess(Process process) {
        this.process = process;
        this.control = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) lines.add(line);
            } catch (IOException e) {
                lines.add("ERROR reading the cluster's output: " + e);
            }
        }, "solr-cluster-output");
        reader.setDaemon(true);
        reader.start();
    }

    static LocalSolrCloudProcess start(int nodes, int shards, int replicas, Path dir) throws Exception {
        Path jar = PROJECT.resolve("target/citelens-solr-cluster.jar");
        Path classpath = PROJECT.resolve("target/classpath.txt");
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(classpath)) build();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                        javaBin,
                        "-Xmx512m",
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        jar + java.io.File.pathSeparator + Files.readString(classpath).strip(),
                        "org.citelens.solrcluster.LocalSolrCloud",
                        "--configset", CONFIGSET.toString(),
                        "--nodes", Integer.toString(nodes),
                        "--shards", Integer.toString(shards),
                        "--replicas", Integer.toString(replicas),
                        "--dir", dir.toString())
                .redirectError(dir.resolveSibling(dir.getFileName() + ".log").toFile());
        LocalSolrCloudProcess p = new LocalSolrCloudProcess(pb.start());
        try {
            String ready = p.await("READY ", 180);
            p.url = ready.substring("READY solr=".length(), ready.indexOf(' ', "READY solr=".length()));
        } catch (Exception e) {
            p.close();
            throw e;
        }
        return p;
    }

    private static void build() throws IOException, InterruptedException {
        Process mvn = new ProcessBuilder("mvn", "-q", "-B", "-f", PROJECT.resolve("pom.xml").toString(), "package")
                .inheritIO()
                .start();
        if (!mvn.waitFor(10, TimeUnit.MINUTES) || mvn.exitValue() != 0) {
            throw new IllegalStateException("could not build " + PROJECT + " (mvn -f solr-cluster/pom.xml package)");
        }
    }

    /** Waits for an output line starting with {@code prefix}; remembers the NODES line on the way. */
    private String await(String prefix, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (!process.isAlive() && lines.isEmpty()) {
                throw new IllegalStateException("the test SolrCloud exited with " + process.exitValue());
            }
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) continue;
            if (line.startsWith("NODES ")) nodes.addAll(List.of(line.substring(6).split(",")));
            if (line.startsWith("ERROR ")) throw new IllegalStateException(line);
            if (line.startsWith(prefix)) return line;
        }
        throw new IllegalStateException("no '" + prefix.strip() + "' from the test SolrCloud in " + seconds + " s");
    }

    /** The first node's URL, as the READY line gives it. */
    String url() {
        return url;
    }

    /** Every node's URL, comma-separated, as {@code --solr} takes them. */
    String allUrls() {
        return String.join(",", nodes);
    }

    /** Stops node {@code n} (0-based) and waits until it is down; a node stopped already stays so. */
    synchronized void stopNode(int n) throws InterruptedException {
        if (!stopped.add(n)) return;
        control.println("stop " + n);
        // the cluster waits up to three minutes for ZooKeeper to drop the node, after Jetty stopped
        await("STOPPED " + n, 240);
    }

    /** SIGTERM, then a forced kill if the cluster has not stopped within 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
