package org.citelens.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.citelens.model.CitationStatement;

/**
 * Writes statements as RFC 4180 CSV (CRLF line ends, fields quoted when they hold a comma, quote or line break).
 * The column names are a public contract that other tools rely on: add new columns only at the end.
 */
public final class StatementCsv {
    public static final List<String> COLUMNS = List.of(
            "statement_id",
            "citing_doi",
            "citing_title",
            "citing_year",
            "citing_journal",
            "cited_doi",
            "cited_title",
            "cited_year",
            "section",
            "label",
            "confidence",
            "marker",
            "before",
            "sentence",
            "after",
            "self_citation",
            "label_model");

    private final Writer out;

    public StatementCsv(Writer out) {
        this.out = out;
    }

    public void writeHeader() throws IOException {
        writeRow(COLUMNS);
    }

    public void write(CitationStatement s) throws IOException {
        writeRow(List.of(
                s.id(),
                str(s.citing().doi()),
                str(s.citing().title()),
                str(s.citing().year()),
                str(s.citing().journal()),
                str(s.cited().doi()),
                str(s.cited().title()),
                str(s.cited().year()),
                s.section() == null ? "" : s.section().wireName(),
                s.label().wireName(),
                Double.toString(s.confidence()),
                str(s.marker()),
                s.before(),
                str(s.sentence()),
                s.after(),
                Boolean.toString(s.selfCitation()),
                str(s.labelModel())));
    }

    private void writeRow(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) out.write(',');
            writeField(fields.get(i));
        }
        out.write("\r\n");
    }

    private void writeField(String v) throws IOException {
        out.write(field(v));
    }

    /** One RFC 4180 field: quoted, with quotes doubled, when it holds a comma, quote or line break. */
    public static String field(String v) {
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char ch = v.charAt(i);
            quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
        }
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
