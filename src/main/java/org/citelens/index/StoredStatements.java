package org.citelens.index;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.BytesRef;
import org.citelens.export.StatementJson;
import org.citelens.model.CitationStatement;

/** Reads a statement back from its stored JSON blob. */
final class StoredStatements {
    private StoredStatements() {}

    static CitationStatement load(StoredFields stored, int doc) throws IOException {
        Document d = stored.document(doc, java.util.Set.of(StatementSchema.JSON));
        BytesRef json = d.getBinaryValue(StatementSchema.JSON);
        if (json == null) throw new IOException("statement document " + doc + " has no stored JSON");
        return StatementJson.fromBytes(json.bytes, json.offset, json.length);
    }
}
