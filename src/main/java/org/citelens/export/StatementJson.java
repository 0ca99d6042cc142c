package org.citelens.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.citelens.model.ArticleMetadata;
import org.citelens.model.Author;
import org.citelens.model.CitationStatement;
import org.citelens.model.CitedWork;
import org.citelens.model.Label;
import org.citelens.model.SectionType;

/**
 * A statement as one JSON object: the shape of the JSON Lines export, of the API's statement objects and of the
 * blob the index stores, so that what is exported is exactly what was indexed. Field names are a public contract.
 */
public final class StatementJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private StatementJson() {}

    /** Writes one statement as a JSON object to an open generator (no line break). */
    public static void write(CitationStatement s, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", s.id());
        ArticleMetadata c = s.citing();
        g.writeObjectFieldStart("citing");
        g.writeStringField("articleId", c.articleId());
        g.writeStringField("doi", c.doi());
        g.writeStringField("pmid", c.pmid());
        g.writeStringField("pmcid", c.pmcid());
        g.writeStringField("title", c.title());
        writeInt(g, "year", c.year());
        g.writeStringField("journal", c.journal());
        g.writeStringField("source", c.source());
        // structured, not "Surname Given": a name cannot be split back reliably ("van der Berg A")
        g.writeArrayFieldStart("authors");
        for (Author a : c.authors()) {
            g.writeStartObject();
            g.writeStringField("surname", a.surname());
            g.writeStringField("givenNames", a.givenNames());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        CitedWork w = s.cited();
        g.writeObjectFieldStart("cited");
        g.writeStringField("workId", w.workId());
        g.writeStringField("doi", w.doi());
        g.writeStringField("title", w.title());
        writeInt(g, "year", w.year());
        g.writeStringField("firstAuthor", w.firstAuthor());
        g.writeStringField("journal", w.journal());
        g.writeEndObject();
        g.writeStringField("refId", s.refId());
        g.writeStringField("marker", s.marker());
        g.writeStringField("before", s.before());
        g.writeStringField("sentence", s.sentence());
        g.writeStringField("after", s.after());
        g.writeStringField("section", s.section() == null ? null : s.section().wireName());
        g.writeNumberField("sentencePosition", s.sentencePosition());
        g.writeStringField(
                "label",
                s.label() == null ? Label.UNCLASSIFIED.wireName() : s.label().wireName());
        g.writeNumberField("confidence", s.confidence());
        g.writeStringField("labelModel", s.labelModel());
        g.writeBooleanField("selfCitation", s.selfCitation());
        g.writeEndObject();
    }

    /** The statement as compact UTF-8 JSON. */
    public static byte[] toBytes(CitationStatement s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(s, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen writing to memory
        }
        return out.toByteArray();
    }

    public static String toJson(CitationStatement s) {
        return new String(toBytes(s), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Reads back what {@link #toBytes} wrote; throws IllegalArgumentException for anything else. */
    public static CitationStatement fromBytes(byte[] bytes, int offset, int length) {
        JsonNode n;
        try {
            n = MAPPER.readTree(bytes, offset, length);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a statement JSON object: " + e.getMessage(), e);
        }
        JsonNode c = n.path("citing");
        JsonNode w = n.path("cited");
        ArticleMetadata citing = new ArticleMetadata(
                text(c, "doi"),
                text(c, "pmid"),
                text(c, "pmcid"),
                text(c, "title"),
                authors(c.path("authors")),
                text(c, "journal"),
                integer(c, "year"),
                sourceOf(c));
        CitedWork cited = new CitedWork(
                text(w, "workId"),
                text(w, "doi"),
                text(w, "title"),
                integer(w, "year"),
                text(w, "firstAuthor"),
                text(w, "journal"));
        String section = text(n, "section");
        return new CitationStatement(
                text(n, "id"),
                citing,
                cited,
                text(n, "refId"),
                text(n, "marker"),
                text(n, "before"),
                text(n, "sentence"),
                text(n, "after"),
                section == null ? null : SectionType.fromWireName(section),
                n.path("sentencePosition").asInt(),
                Label.fromWireName(n.path("label").asText("unclassified")),
                n.path("confidence").asDouble(),
                n.path("selfCitation").asBoolean(),
                text(n, "labelModel"));
    }

    public static CitationStatement fromBytes(byte[] bytes) {
        return fromBytes(bytes, 0, bytes.length);
    }

    private static String sourceOf(JsonNode citing) {
        String source = text(citing, "source");
        if (source != null && !source.isBlank()) return source;
        String articleId = text(citing, "articleId");
        return articleId == null || articleId.isBlank() ? "unknown" : articleId;
    }

    /** Statements indexed before authors were kept have none: an empty list. */
    private static List<Author> authors(JsonNode array) {
        List<Author> out = new ArrayList<>(array.size());
        for (JsonNode a : array) out.add(new Author(text(a, "surname"), text(a, "givenNames")));
        return out;
    }

    private static void writeInt(JsonGenerator g, String name, Integer value) throws IOException {
        if (value == null) g.writeNullField(name);
        else g.writeNumberField(name, value);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Integer integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asInt();
    }
}
