package org.citelens.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every caller mistake is a 4xx with a JSON error body naming the problem; nothing a caller sends gives a 5xx. */
class ApiErrorsTest extends CorpusServerTest {
    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "GET|/api/search?limit=-1||400|limit",
                "GET|/api/search?limit=1001||400|limit",
                "GET|/api/search?limit=99999999999999||400|limit",
                "GET|/api/search?limit=ten||400|limit",
                "GET|/api/search?yearFrom=20x1||400|yearFrom",
                "GET|/api/search?yearFrom=2020&yearTo=2010||400|yearFrom",
                "GET|/api/search?type=positive||400|type",
                "GET|/api/search?section=abstract||400|section",
                "GET|/api/search?sort=random||400|sort",
                "GET|/api/search?selfCitation=maybe||400|selfCitation",
                "GET|/api/search?cited=nonsense||400|DOI",
                "GET|/api/search?cursor=not-a-cursor||400|",
                "GET|/api/citations/10.1006/meth.2001.1262?cursor=%25%25%25||400|",
                "GET|/api/citations/10.1006/meth.2001.1262?type=supporting,bogus||400|type",
                "GET|/api/citations/10.9999/unknown||404|10.9999/unknown",
                "GET|/api/tallies/not-a-doi||400|DOI",
                "GET|/api/tallies/10.9999/unknown/sections||404|10.9999/unknown",
                "GET|/api/papers/%00||400|",
                "GET|/api/nope||404|no such route",
                "GET|/favicon.ico||404|no such route",
                "GET|/static/../../etc/passwd||400|",
                "GET|/static/secret.txt||404|asset",
                "DELETE|/api/tallies/10.1006/meth.2001.1262||405|DELETE",
                "PUT|/api/search||405|PUT",
                "POST|/api/tallies|{not json|400|JSON",
                "POST|/api/tallies|{\"a\":1}|400|array",
                "POST|/api/tallies|[1,2]|400|string",
                "POST|/api/tallies||400|",
                "GET|/api/export?format=pdf||400|format",
            })
    void callerMistakesAreJson4xx(String method, String path, String body, int status, String mentions) {
        Http.Reply r = http.method(method, path, body);
        assertEquals(status, r.status(), r.body());
        JsonNode error = r.json().get("error");
        assertEquals(status, error.get("status").asInt());
        String message = error.get("message").asText();
        assertTrue(mentions == null || message.contains(mentions), message);
        assertFalse(message.contains("Exception") || message.contains("\tat "), "no stack trace: " + message);
    }

    @Test
    void batchOf501DoisIsRefusedWithAClearMessage() {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 501; i++)
            body.append(i == 0 ? "" : ",").append("\"10.1000/x").append(i).append('"');
        Http.Reply r = http.post("/api/tallies", body.append(']').toString());
        assertEquals(400, r.status());
        assertTrue(r.json().at("/error/message").asText().contains("at most 500"));
        StringBuilder ok = new StringBuilder("[");
        for (int i = 0; i < 500; i++)
            ok.append(i == 0 ? "" : ",").append("\"10.1000/x").append(i).append('"');
        assertEquals(200, http.post("/api/tallies", ok.append(']').toString()).status());
    }

    @Test
    void hugeBodiesAndHeadersAreRefusedAsJson() {
        Http.Reply big = http.post("/api/tallies", "[\"" + "a".repeat(10 * 1024 * 1024) + "\"]");
        assertEquals(413, big.status());
        assertEquals(413, big.json().at("/error/status").asInt());
        Http.Reply header = http.get("/health", "X-Padding", "p".repeat(40_000));
        assertTrue(header.status() == 431 || header.status() == 400, "status " + header.status());
        assertEquals(header.status(), header.json().at("/error/status").asInt());
    }

    /** Seeded random paths, parameters and methods: the server must answer each without a 5xx, in JSON for errors. */
    @Test
    void fuzzedRequestsNeverGive5xx() {
        Random random = new Random(42);
        String[] routes = {
            "/api/tallies/",
            "/api/tallies/10.1006/meth.2001.1262/",
            "/api/citations/",
            "/api/papers/",
            "/api/search?q=",
            "/api/export?format=jsonl&q=",
            "/api/search?",
            "/reports/",
            "/api/",
            "/"
        };
        String[] params = {
            "limit",
            "yearFrom",
            "yearTo",
            "type",
            "section",
            "sort",
            "cursor",
            "journal",
            "selfCitation",
            "cited",
            "facets"
        };
        String[] methods = {"GET", "GET", "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"};
        String previous = "";
        for (int i = 0; i < 300; i++) {
            StringBuilder path = new StringBuilder(routes[random.nextInt(routes.length)]).append(noise(random));
            path.append(path.indexOf("?") < 0 ? '?' : '&');
            for (int p = random.nextInt(4); p > 0; p--) {
                path.append(params[random.nextInt(params.length)])
                        .append('=')
                        .append(noise(random))
                        .append('&');
            }
            String method = methods[random.nextInt(methods.length)];
            Http.Reply r;
            try {
                r = http.method(method, path.toString(), method.equals("POST") ? noise(random) : null);
            } catch (AssertionError e) {
                throw new AssertionError(method + " " + path + " after " + previous, e);
            }
            previous = method + " " + path + " -> " + r.status() + " "
                    + r.headers().map();
            assertTrue(r.status() < 500, method + " " + path + " -> " + r.status() + " " + r.body());
            boolean page =
                    r.header("Content-Type") != null && r.header("Content-Type").startsWith("text/html");
            if (r.status() >= 400 && !method.equals("HEAD") && !page) {
                assertEquals(r.status(), r.json().at("/error/status").asInt(), method + " " + path);
            }
        }
        assertEquals(200, http.get("/health").status());
    }

    private static String noise(Random random) {
        String[] pieces = {
            "10.1006%2Fmeth.2001.1262",
            "%2F",
            "%00",
            "%C3%28",
            "%FF",
            "-1",
            "0",
            "2024",
            "99999999999",
            "%22",
            "(",
            "AND",
            "*",
            "~",
            "%5C",
            "%5B",
            "a%20b",
            "supporting",
            "methods",
            "%E2%80%93",
            "%7B%7D",
            "..",
            "%2e%2e"
        };
        StringBuilder b = new StringBuilder();
        for (int n = random.nextInt(4); n >= 0; n--) b.append(pieces[random.nextInt(pieces.length)]);
        return b.toString();
    }
}
