package org.citelens.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Abuse: requests written byte by byte on a raw socket (so nothing a client library would refuse is
 * spared): random methods, paths and parameters, invalid UTF-8 and percent-encodings, huge headers, random and
 * 10 MB bodies. The real server answers none of them with a 5xx, every error is the JSON error shape, and it is
 * healthy afterwards.
 * Measured and explained in docs/reliability.md, "The server under load and abuse".
 */
class HttpFuzzTest {
    private static final int REQUESTS = 1200;
    private static final String[] METHODS = {
        "GET",
        "GET",
        "GET",
        "POST",
        "POST",
        "PUT",
        "DELETE",
        "PATCH",
        "HEAD",
        "OPTIONS",
        "TRACE",
        "BREW",
        "G\u00c9T",
        ""
    };
    private static final String[] PATHS = {
        "/api/tallies/%s",
        "/api/tallies/%s/sections",
        "/api/tallies",
        "/api/papers/%s",
        "/api/citations/%s?limit=%s&cursor=%s&type=%s&yearFrom=%s",
        "/api/search?q=%s&limit=%s&cursor=%s",
        "/api/search?q=%s&section=%s&yearTo=%s",
        "/api/export?format=%s&cited=%s",
        "/api/works?q=%s&limit=%s",
        "/reports/%s",
        "/static/%s",
        "/health",
        "/metrics",
        "/api/openapi.json",
        "/%s",
        "/api/%s/%s",
        "%s"
    };
    private static final String[] PIECES = {
        "10.1006/meth.2001.1262",
        "doi:10.1006%2Fmeth.2001.1262",
        "%ZZ",
        "%C3%28",
        "%FF%FE",
        "%00",
        "..%2F..%2Fetc%2Fpasswd",
        "../../etc/passwd",
        "-1",
        "0",
        "99999999999999999999",
        "1e9",
        "NaN",
        "supporting",
        "bogus",
        "csv",
        "jsonl",
        "xml",
        "\"a phrase\"",
        "title:(a OR",
        "*:*",
        "a AND NOT",
        "~!@#$^&*()",
        "%E2%80%93",
        "rice",
        "",
        "null",
        "[]",
        "{}",
        "<script>alert(1)</script>",
        "'",
        "\\"
    };

    @TempDir
    Path tmp;

    @Test
    @Timeout(400)
    void fuzzedRequestsGetNo5xxAndOnlyJsonErrors() throws Exception {
        Path corpus = tmp.resolve("corpus");
        ReliabilityData.copySmallestJats(corpus, 20);
        Path index = tmp.resolve("index");
        assertEquals(0, IngestFuzzTest.ingest(corpus, index).exitCode());
        Random random = new Random(77);
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int noAnswer = 0;
        try (ServerProcess server = ServerProcess.start(tmp, index)) {
            for (int i = 0; i < REQUESTS; i++) {
                byte[] request = request(random, i);
                Answer a = send(server.port, request);
                if (a == null) {
                    noAnswer++;
                    continue;
                }
                byStatus.merge(a.status, 1, Integer::sum);
                String what = i + ": "
                        + new String(request, 0, Math.min(request.length, 200), StandardCharsets.ISO_8859_1)
                                .split("\r\n")[0];
                if (a.status >= 500) failures.add(what + " -> " + a.status + " " + a.body);
                if (a.status >= 400 && !a.head && !isJsonError(a) && !isPageError(request, a))
                    failures.add(what + " -> non-JSON error " + a.status + " " + a.contentType + " "
                            + a.body.substring(0, Math.min(200, a.body.length())));
            }
            JsonNode health = server.json("/health");
            assertEquals("ok", health.get("status").asText());
            assertTrue(server.isAlive());
        }
        System.out.printf(
                "HTTP fuzz: %d requests, answers by status %s, %d closed without an answer%n",
                REQUESTS, byStatus, noAnswer);
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " bad answers");
        assertTrue(noAnswer <= REQUESTS / 50, "connections closed without any answer: " + noAnswer);
    }

    /** The web pages (/, /reports/..., /static/...) answer a browser's 404 with an HTML page, by design. */
    private static boolean isPageError(byte[] request, Answer a) {
        String line = new String(request, 0, Math.min(request.length, 200), StandardCharsets.ISO_8859_1);
        String target = line.substring(line.indexOf(' ') + 1);
        boolean page = target.startsWith("/reports/") || target.startsWith("/static/") || target.startsWith("/ ");
        return page && a.status == 404 && a.contentType != null && a.contentType.startsWith("text/html");
    }

    private static boolean isJsonError(Answer a) {
        if (a.contentType == null || !a.contentType.toLowerCase(Locale.ROOT).contains("json")) return false;
        try {
            JsonNode e = ServerProcess.JSON.readTree(a.body).get("error");
            return e != null
                    && e.get("status").asInt() == a.status
                    && !e.get("message").asText().isBlank();
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] request(Random r, int i) {
        String method = METHODS[r.nextInt(METHODS.length)];
        String template = PATHS[r.nextInt(PATHS.length)];
        Object[] args = new Object[5];
        for (int k = 0; k < args.length; k++) args[k] = PIECES[r.nextInt(PIECES.length)];
        String path = String.format(template, args);
        if (r.nextInt(20) == 0) path = path + "/" + "x".repeat(1 + r.nextInt(20_000));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((method + " ").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(path.getBytes(StandardCharsets.UTF_8));
        if (r.nextInt(10) == 0)
            out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC3, '(', (byte) 0x80}); // raw bad UTF-8
        out.writeBytes(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n".getBytes(StandardCharsets.US_ASCII));
        int headerKind = r.nextInt(12);
        if (headerKind == 0)
            out.writeBytes(("X-Huge: " + "h".repeat(64 * 1024 + r.nextInt(64 * 1024)) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        if (headerKind == 1)
            for (int k = 0; k < 300; k++)
                out.writeBytes(("X-Many-" + k + ": v\r\n").getBytes(StandardCharsets.US_ASCII));
        if (headerKind == 2) out.writeBytes(new byte[] {'X', '-', 'B', ':', ' ', (byte) 0xFF, (byte) 0xFE, '\r', '\n'});
        if (headerKind == 3)
            out.writeBytes(
                    "Origin: http://evil.example\r\nIf-None-Match: \"zzz\"\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] body = body(r, i, method, path);
        if (body.length > 0) {
            out.writeBytes(("Content-Type: " + (r.nextBoolean() ? "application/json" : "text/plain; charset=utf-8")
                            + "\r\nContent-Length: " + body.length + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] body(Random r, int i, String method, String path) {
        if (!method.equals("POST") && !method.equals("PUT") && !method.equals("PATCH")) return new byte[0];
        if (path.equals("/api/tallies") && i % 400 == 3) {
            return ("[\"" + "10.1/x\",\"".repeat(10 * 1024 * 1024 / 9) + "\"]")
                    .getBytes(StandardCharsets.US_ASCII); // ~10 MB
        }
        return switch (r.nextInt(7)) {
            case 0 ->
                "[\"10.1006/meth.2001.1262\", \"DOI:10.1038/NATURE11532\", 5, null, {}]"
                        .getBytes(StandardCharsets.UTF_8);
            case 1 -> "{\"dois\": [".getBytes(StandardCharsets.UTF_8);
            case 2 -> ("[" + "\"10.1/x\",".repeat(600) + "\"10.1/y\"]").getBytes(StandardCharsets.UTF_8);
            case 3 -> "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[".repeat(200).getBytes(StandardCharsets.UTF_8);
            case 4 -> new byte[] {'[', '"', (byte) 0xFF, (byte) 0xC3, '"', ']'};
            case 5 -> {
                byte[] b = new byte[r.nextInt(100_000)];
                r.nextBytes(b);
                yield b;
            }
            default -> "[]".getBytes(StandardCharsets.UTF_8);
        };
    }

    record Answer(int status, String contentType, String body, boolean head) {}

    /** Sends the bytes and reads the answer (status, content type, up to 64 KB of body); null when none came. */
    private static Answer send(int port, byte[] request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (SocketException e) {
                // the server may answer (e.g. 413 or 431) and close before the whole request is written
            }
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; got.size() < 64 * 1024 && (n = in.read(buf)) > 0; ) got.write(buf, 0, n);
            } catch (SocketException e) {
                // reset after the answer: keep what was read
            }
            String text = got.toString(StandardCharsets.UTF_8);
            if (!text.startsWith("HTTP/1.")) return null;
            int status = Integer.parseInt(text.substring(9, 12));
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            String contentType = null;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                    contentType = line.substring(13).strip();
                if (line.equalsIgnoreCase("transfer-encoding: chunked")) body = dechunk(body);
            }
            boolean isHead = new String(request, 0, 5, StandardCharsets.ISO_8859_1).startsWith("HEAD ");
            return new Answer(status, contentType, body, isHead);
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("no answer within 30 s: the server hung on "
                    + new String(request, 0, Math.min(100, request.length), StandardCharsets.ISO_8859_1));
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < chunked.length()) {
            int eol = chunked.indexOf("\r\n", i);
            if (eol < 0) break;
            int size;
            try {
                size = Integer.parseInt(chunked.substring(i, eol).split(";")[0].strip(), 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) break;
            int start = eol + 2;
            out.append(chunked, start, Math.min(chunked.length(), start + size));
            i = start + size + 2;
        }
        return out.toString();
    }
}
