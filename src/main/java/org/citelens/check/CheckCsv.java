package org.citelens.check;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.citelens.export.StatementCsv;
import org.citelens.index.Tallies;

/** A reference check as RFC 4180 CSV, one row per reference in the manuscript's order (the column names are a contract). */
public final class CheckCsv {
    public static final List<String> COLUMNS = List.of(
            "position",
            "reference",
            "status",
            "doi",
            "title",
            "year",
            "first_author",
            "confidence",
            "matched_by",
            "supporting",
            "contrasting",
            "mentioning",
            "total",
            "citing_publications",
            "manuscript_statements",
            "manuscript_labels");

    private CheckCsv() {}

    public static void write(CheckReport report, Writer out) throws IOException {
        row(COLUMNS, out);
        for (CheckedReference r : report.items()) {
            CheckedReference.Work w = r.work();
            Tallies t = r.tallies();
            List<String> labels = r.statements().stream()
                    .map(CheckedReference.ManuscriptStatement::label)
                    .toList();
            List<String> f = new ArrayList<>();
            f.add(String.valueOf(r.position()));
            f.add(r.raw());
            f.add(r.status());
            f.add(w != null && w.doi() != null ? w.doi() : "");
            f.add(w != null && w.title() != null ? w.title() : "");
            f.add(w != null && w.year() != null ? String.valueOf(w.year()) : "");
            f.add(w != null && w.firstAuthor() != null ? w.firstAuthor() : "");
            f.add(String.valueOf(r.confidence()));
            f.add(r.matchedBy());
            f.add(t == null ? "" : String.valueOf(t.supporting()));
            f.add(t == null ? "" : String.valueOf(t.contrasting()));
            f.add(t == null ? "" : String.valueOf(t.mentioning()));
            f.add(t == null ? "" : String.valueOf(t.total()));
            f.add(t == null ? "" : String.valueOf(t.citingPublications()));
            f.add(String.valueOf(r.statements().size()));
            f.add(String.join(" ", labels));
            row(f, out);
        }
        out.flush();
    }

    private static void row(List<String> fields, Writer out) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) out.write(',');
            out.write(StatementCsv.field(fields.get(i)));
        }
        out.write("\r\n");
    }
}
