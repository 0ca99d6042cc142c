package org.citelens.harvest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.citelens.testdata.RepositoryFiles;

/**
 * Stands in for OpenCitations ({@code /oc}), Europe PMC ({@code /epmc}), Unpaywall ({@code /unpaywall}) and a
 * publisher site ({@code /publisher}) on loopback, replaying the answers in {@code harvest/replay/routes.tsv}
 * (bodies written in each API's documented format, full texts from the bundled corpus) with the awkward cases:
 * a 500 that passes, a 429 with Retry-After, a 500 that stays, a truncated body, an oversized body, a slow answer.
 * Records every request. {@code main} serves it on a fixed port for the README's session.
 */
public final class ReplayServer implements AutoCloseable {
    static final Path REPLAY = Path.of("src/test/resources/harvest/replay");

    private record Route(String path, String query, String behaviour, String body) {
        boolean matches(String p, String q) {
            boolean pathOk = path.endsWith("*") ? p.startsWith(path.substring(0, path.length() - 1)) : p.equals(path);
            return pathOk && (query.equals("-") || (q != null && q.contains(query)));
        }
    }

    /** One request as the server saw it: decoded path and query. */
    public record Request(String path, String query) {}

    private final List<Route> routes = new ArrayList<>();
    private final Map<Route, AtomicInteger> calls = new ConcurrentHashMap<>();
    public final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    public ReplayServer(int port) throws IOException {
        for (String line : Files.readAllLines(REPLAY.resolve("routes.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            routes.add(new Route(f[0], f[1], f[2], f[3]));
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    public String base() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort();
    }

    /** Requests whose path starts with the prefix. */
    public long count(String prefix) {
        return requests.stream().filter(r -> r.path().startsWith(prefix)).count();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String query = ex.getRequestURI().getQuery();
            requests.add(new Request(path, query));
            Route route = routes.stream()
                    .filter(r -> r.matches(path, query))
                    .findFirst()
                    .orElse(null);
            if (route == null) {
                send(ex, 404, "text/plain", "no replay route for " + path + "?" + query);
                return;
            }
            int call = calls.computeIfAbsent(route, r -> new AtomicInteger()).incrementAndGet();
            String[] b = route.behaviour().split(":", 2);
            switch (b[0]) {
                case "ok" -> sendBody(ex, 200, route);
                case "404" -> sendBody(ex, 404, route);
                case "fail-once" -> {
                    if (call == 1) send(ex, Integer.parseInt(b[1]), "text/plain", "try again");
                    else sendBody(ex, 200, route);
                }
                case "always" -> send(ex, Integer.parseInt(b[1]), "text/plain", "server error");
                case "retry-after-once" -> {
                    if (call == 1) {
                        ex.getResponseHeaders().set("Retry-After", b[1]);
                        send(ex, 429, "text/plain", "slow down");
                    } else {
                        sendBody(ex, 200, route);
                    }
                }
                case "truncated" -> {
                    byte[] body = body(route);
                    ex.getResponseHeaders().set("Content-Type", "application/json");
                    ex.sendResponseHeaders(200, body.length * 2L);
                    OutputStream os = ex.getResponseBody();
                    os.write(body, 0, body.length / 2);
                    os.flush();
                    // closing now leaves the promised length unsent: the client sees a cut-off body
                }
                case "slow" -> {
                    try {
                        Thread.sleep(Long.parseLong(b[1]));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    sendBody(ex, 200, route);
                }
                case "oversized" -> {
                    long size = Long.parseLong(b[1]);
                    ex.getResponseHeaders().set("Content-Type", "text/html");
                    ex.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse early, so the cap must count
                    byte[] chunk = "<p>padding padding padding padding</p>\n"
                            .repeat(200)
                            .getBytes(StandardCharsets.UTF_8);
                    OutputStream os = ex.getResponseBody();
                    for (long sent = 0; sent < size; sent += chunk.length) os.write(chunk);
                }
                default -> throw new IllegalStateException("unknown behaviour " + route.behaviour());
            }
        } catch (IOException e) {
            // the client hung up (a slow answer past its timeout, an oversized body refused): nothing to answer
        }
    }

    private void sendBody(HttpExchange ex, int status, Route route) throws IOException {
        String type = route.body().endsWith(".json")
                ? "application/json"
                : route.body().endsWith(".xml")
                        ? "application/xml"
                        : route.body().endsWith(".pdf") || route.path().endsWith(".pdf")
                                ? "application/pdf"
                                : route.body().endsWith(".txt") ? "text/plain" : "text/html";
        byte[] body = body(route);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) ex.getResponseBody().write(body);
    }

    private static void send(HttpExchange ex, int status, String type, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    private byte[] body(Route route) throws IOException {
        String b = route.body();
        if (b.equals("-")) return "%PDF-1.4 replay fixture".getBytes(StandardCharsets.US_ASCII);
        if (b.startsWith("corpus:"))
            return Files.readAllBytes(RepositoryFiles.corpus().resolve(b.substring(7)));
        if (b.startsWith("html:"))
            return Files.readAllBytes(RepositoryFiles.publisherHtml().resolve(b.substring(5)));
        String text = Files.readString(REPLAY.resolve(b));
        return text.replace("{{base}}", base()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    /**
     * Serves the replay on loopback until killed, for trying {@code harvest} by hand (README, "Harvest"): from the
     * project folder, {@code mvn -q test-compile} then
     * {@code java -cp target/test-classes:target/classes org.citelens.harvest.ReplayServer 8089}.
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        ReplayServer s = new ReplayServer(port);
        System.out.println("replay server on " + s.base() + " (/oc /epmc /unpaywall /publisher); Ctrl-C stops it");
        Thread.currentThread().join();
    }
}
