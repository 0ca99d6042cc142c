package org.citelens.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.citelens.model.Article;
import org.citelens.model.ArticleMetadata;
import org.citelens.model.Author;
import org.citelens.model.Reference;
import org.citelens.model.SourceFormat;
import org.citelens.resolve.PersistentWorksRegistry;
import org.junit.jupiter.api.Test;

/** GET /api/works on a real server on loopback, over a registry holding references as the corpus writes them. */
class WorksRoutesTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void findsWorksBySurnameYearTitleAndDoiAndRejectsBadParameters() throws Exception {
        try (PersistentWorksRegistry works = PersistentWorksRegistry.inMemory()) {
            works.register(new Article(
                    SourceFormat.JATS,
                    new ArticleMetadata(
                            "10.3389/fpls.2017.01266",
                            null,
                            null,
                            "Citing",
                            List.of(new Author("Kumar", "A")),
                            "Front Plant Sci",
                            2017,
                            "a.xml"),
                    List.of(
                            new Reference(
                                    "B1",
                                    "10.1006/meth.2001.1262",
                                    null,
                                    null,
                                    "Analysis of relative gene expression "
                                            + "data using real-time quantitative PCR and the 2(-Delta Delta C(T)) Method",
                                    List.of(new Author("Livak", "KJ")),
                                    2001,
                                    "Methods",
                                    "25",
                                    "402-408",
                                    null),
                            new Reference(
                                    "B2",
                                    null,
                                    null,
                                    null,
                                    "Hemispheric inequality in 18th century crime",
                                    List.of(new Author("Irwin-Rogers", "K")),
                                    2017,
                                    "Brit J Criminol",
                                    null,
                                    null,
                                    null)),
                    List.of()));
            WorksRoutes routes = new WorksRoutes(works, dois -> Map.of());
            Javalin app = Javalin.create(cfg -> routes.register(cfg.routes)).start("127.0.0.1", 0);
            try {
                JsonNode livak = get(app, "Livak 2001", 200);
                assertEquals("10.1006/meth.2001.1262", livak.at("/works/0/doi").asText());
                assertTrue(livak.at("/works/0/tallies").isNull());
                assertEquals(
                        "Irwin-Rogers",
                        get(app, "Irwin-Rogers 2017", 200)
                                .at("/works/0/firstAuthor")
                                .asText());
                assertEquals(
                        "Irwin-Rogers",
                        get(app, "Irwin Rogers 2017", 200)
                                .at("/works/0/firstAuthor")
                                .asText());
                assertEquals(
                        "10.1006/meth.2001.1262",
                        get(app, "doi:10.1006/METH.2001.1262", 200)
                                .at("/works/0/doi")
                                .asText());
                assertEquals(
                        "10.1006/meth.2001.1262",
                        get(app, "quantitative PCR gene expression", 200)
                                .at("/works/0/doi")
                                .asText());
                assertEquals(0, get(app, "zzzz unknown words", 200).at("/total").asInt());
                assertEquals(400, get(app, " ", 400).at("/error/status").asInt());
                HttpResponse<String> badLimit = http.send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + app.port() + WorksRoutes.PATH + "?q=x&limit=-3"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(400, badLimit.statusCode());
            } finally {
                app.stop();
            }
        }
    }

    private JsonNode get(Javalin app, String q, int status) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + WorksRoutes.PATH + "?q="
                                + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), r.body());
        return json.readTree(r.body());
    }
}
