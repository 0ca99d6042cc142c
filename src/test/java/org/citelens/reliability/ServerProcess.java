package org.citelens.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real {@code serve} command in its own JVM on a free loopback port, and a small HTTP client for it. */
final class ServerProcess implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("on http://localhost:(\\d+)/");
    static final ObjectMapper JSON = new ObjectMapper();

    private final ChildProcess child;
    final int port;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServerProcess(ChildProcess child, int port) {
        this.child = child;
        this.port = port;
    }

    static ServerProcess start(Path workDir, Path index, String... extra) throws Exception {
        List<String> args =
                new ArrayList<>(List.of("serve", "--index", index.toString(), "--port", "0", "--host", "127.0.0.1"));
        args.addAll(List.of(extra));
        ChildProcess child = ChildProcess.start(workDir, args.toArray(String[]::new));
        String line = child.awaitLineMatching(120_000, URL);
        if (line == null) {
            child.close();
            throw new AssertionError("server did not start:\n" + child.output());
        }
        Matcher m = URL.matcher(line);
        m.find();
        return new ServerProcess(child, Integer.parseInt(m.group(1)));
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri(pathAndQuery))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = get(pathAndQuery);
        if (r.statusCode() != 200)
            throw new AssertionError(pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
        return JSON.readTree(r.body());
    }

    /** The server's own heap in use, from its Prometheus metrics. */
    long heapUsedBytes() throws IOException, InterruptedException {
        for (String line : get("/metrics").body().split("\n")) {
            if (line.startsWith("citelens_jvm_heap_used_bytes ")) return (long) Double.parseDouble(line.split(" ")[1]);
        }
        return -1;
    }

    boolean isAlive() {
        return child.isAlive();
    }

    /** SIGKILL: the server gets no chance to close its index. */
    void kill() throws InterruptedException {
        child.kill();
    }

    String output() {
        return child.output();
    }

    @Override
    public void close() throws InterruptedException {
        child.close();
    }
}
