package org.citelens.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.document.FloatField;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedSetSelector;
import org.apache.lucene.util.BytesRef;

/**
 * Sorts of statement listings and their opaque cursors. Every sort ends with the statement id, so the position
 * after a hit is fully described by its sort values and a cursor stays valid when the index is reopened
 * (Lucene's doc ids are not kept in it). A cursor is base64url of {@code [sort, primary value, statement id]}.
 */
final class SearchCursor {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchCursor() {}

    static Sort sort(StatementSort s) {
        SortField id = KeywordField.newSortField(StatementSchema.ID, false, SortedSetSelector.Type.MIN);
        SortField primary =
                switch (s) {
                    case RELEVANCE -> SortField.FIELD_SCORE;
                    case YEAR_DESC -> IntField.newSortField(StatementSchema.YEAR, true, SortedNumericSelector.Type.MIN);
                    case YEAR_ASC -> IntField.newSortField(StatementSchema.YEAR, false, SortedNumericSelector.Type.MIN);
                    case CONFIDENCE_DESC ->
                        FloatField.newSortField(StatementSchema.CONFIDENCE, true, SortedNumericSelector.Type.MIN);
                    case CONFIDENCE_ASC ->
                        FloatField.newSortField(StatementSchema.CONFIDENCE, false, SortedNumericSelector.Type.MIN);
                };
        return new Sort(primary, id);
    }

    static String encode(StatementSort sort, FieldDoc last) {
        ArrayNode a = JSON.createArrayNode();
        a.add(sort.name());
        Object primary = last.fields[0];
        if (primary instanceof Float f) a.add(f);
        else if (primary instanceof Integer i) a.add(i);
        else if (primary instanceof Number n) a.add(n.doubleValue());
        else a.addNull();
        a.add(((BytesRef) last.fields[1]).utf8ToString());
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(a.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names; IllegalArgumentException for a cursor this sort never produced. */
    static FieldDoc decode(StatementSort sort, String cursor) {
        JsonNode a;
        try {
            a = JSON.readTree(Base64.getUrlDecoder().decode(cursor.strip()));
        } catch (IllegalArgumentException | IOException e) {
            throw new IllegalArgumentException("malformed cursor: pass back the nextCursor of a previous page");
        }
        if (a == null
                || !a.isArray()
                || a.size() != 3
                || !a.get(0).isTextual()
                || !a.get(1).isNumber()
                || !a.get(2).isTextual()) {
            throw new IllegalArgumentException("malformed cursor: pass back the nextCursor of a previous page");
        }
        if (!a.get(0).asText().equals(sort.name())) {
            throw new IllegalArgumentException("the cursor belongs to another sort order; start again without it");
        }
        Object primary =
                switch (sort) {
                    case YEAR_ASC, YEAR_DESC -> a.get(1).asInt();
                    default -> (float) a.get(1).asDouble();
                };
        float score = primary instanceof Float f ? f : Float.NaN;
        return new FieldDoc(
                0, score, new Object[] {primary, new BytesRef(a.get(2).asText())});
    }

    /**
     * The cursor's position for a reader with {@code maxDoc} documents. Sort values end with the unique statement
     * id, so only the cursor's own statement can tie with it; the last doc id makes that one come no more.
     */
    static FieldDoc inReader(FieldDoc after, int maxDoc) {
        return new FieldDoc(maxDoc - 1, after.score, after.fields);
    }
}
