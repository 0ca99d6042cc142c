package org.citelens.parse.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.citelens.model.Author;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The authors of a page's schema.org JSON-LD ({@code <script type="application/ld+json">}): the first
 * ScholarlyArticle, Article or similar object (also inside {@code @graph} or an array) with an {@code author},
 * each author a Person with {@code familyName}/{@code givenName}, a {@code name}, or a plain string. Pages whose
 * JSON-LD is broken or describes something else yield none.
 */
final class JsonLdAuthors {
    private static final ObjectMapper JSON = new ObjectMapper();

    List<Author> read(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            JsonNode root;
            try {
                root = JSON.readTree(script.data());
            } catch (JsonProcessingException e) {
                continue; // a page's broken JSON-LD is its own business: look at the next block
            }
            List<Author> found = fromAny(root);
            if (!found.isEmpty()) return found;
        }
        return List.of();
    }

    private static List<Author> fromAny(JsonNode node) {
        if (node == null) return List.of();
        if (node.isArray()) {
            for (JsonNode n : node) {
                List<Author> found = fromAny(n);
                if (!found.isEmpty()) return found;
            }
            return List.of();
        }
        if (node.has("@graph")) return fromAny(node.get("@graph"));
        if (!node.has("author") || !isArticle(node.path("@type"))) return List.of();
        List<Author> out = new ArrayList<>();
        JsonNode authors = node.get("author");
        for (JsonNode a : authors.isArray() ? authors : JSON.createArrayNode().add(authors)) {
            Author author = person(a);
            if (author != null) out.add(author);
        }
        return out;
    }

    private static boolean isArticle(JsonNode type) {
        if (type.isArray()) {
            for (JsonNode t : type) if (isArticle(t)) return true;
            return false;
        }
        String t = type.asText("");
        return t.endsWith("Article") || t.equals("CreativeWork") || t.equals("Periodical");
    }

    private static Author person(JsonNode a) {
        if (a.isTextual()) return a.asText().isBlank() ? null : AuthorNames.parse(a.asText());
        if (!a.isObject() || a.path("@type").asText("Person").equals("Organization")) return null;
        String family = a.path("familyName").asText("");
        if (!family.isBlank()) return new Author(family, a.path("givenName").asText(""));
        String name = a.path("name").asText("");
        return name.isBlank() ? null : AuthorNames.parse(name);
    }
}
