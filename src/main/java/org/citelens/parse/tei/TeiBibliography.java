package org.citelens.parse.tei;

import static org.citelens.parse.tei.TeiElements.child;
import static org.citelens.parse.tei.TeiElements.children;
import static org.citelens.parse.tei.TeiElements.descendants;
import static org.citelens.parse.tei.TeiElements.local;
import static org.citelens.parse.tei.TeiElements.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.citelens.model.Author;
import org.citelens.model.Doi;
import org.citelens.model.Reference;
import org.jsoup.nodes.Element;

/** Reads GROBID {@code biblStruct}s: the header's description of the article and the bibliography's entries. */
final class TeiBibliography {
    private static final Pattern YEAR = Pattern.compile("(1[5-9]\\d\\d|20\\d\\d)");

    private TeiBibliography() {}

    static List<Reference> references(Element back) {
        List<Reference> refs = new ArrayList<>();
        int n = 0;
        for (Element listBibl : descendants(back, "listbibl")) {
            for (Element bibl : children(listBibl, "biblstruct")) {
                n++;
                String id = TeiElements.xmlId(bibl);
                refs.add(reference(bibl, id.isEmpty() ? "b" + (n - 1) : id));
            }
        }
        return refs;
    }

    static Reference reference(Element bibl, String id) {
        Element analytic = child(bibl, "analytic");
        Element monogr = child(bibl, "monogr");
        String title = firstTitle(analytic);
        String source = null;
        if (title == null) title = firstTitle(monogr);
        else source = firstTitle(monogr);
        List<Author> authors = authors(analytic);
        if (authors.isEmpty()) authors = authors(monogr);
        Element imprint = child(monogr, "imprint");
        String volume = null, pages = null;
        for (Element scope : imprint == null ? List.<Element>of() : children(imprint, "biblscope")) {
            String unit = scope.attr("unit").toLowerCase(Locale.ROOT);
            String value = scope.hasAttr("from")
                    ? scope.attr("from") + (scope.hasAttr("to") ? "-" + scope.attr("to") : "")
                    : text(scope);
            if (unit.equals("volume")) volume = value;
            else if (unit.equals("page")) pages = value;
        }
        String doi = null, pmid = null, pmcid = null;
        for (Element idno : descendants(bibl, "idno")) {
            String type = idno.attr("type").toLowerCase(Locale.ROOT);
            String value = text(idno);
            if (value == null) continue;
            switch (type) {
                case "doi" -> doi = doi != null ? doi : Doi.normalize(value).orElse(null);
                case "pmid" -> pmid = value.replaceAll("\\D", "");
                case "pmcid" -> pmcid = value;
                default -> {}
            }
        }
        Element raw = null;
        for (Element note : children(bibl, "note")) if (note.attr("type").equals("raw_reference")) raw = note;
        String rawText = raw != null ? text(raw) : text(bibl);
        return new Reference(
                id,
                doi,
                pmid,
                pmcid,
                title,
                authors,
                year(imprint),
                source,
                volume,
                pages,
                rawText == null ? "" : rawText);
    }

    static List<Author> authors(Element parent) {
        List<Author> authors = new ArrayList<>();
        for (Element author : children(parent, "author")) {
            Element pers = child(author, "persname");
            if (pers == null) continue;
            List<String> given = new ArrayList<>();
            for (Element f : children(pers, "forename")) given.add(f.text().strip());
            String surname = text(child(pers, "surname"));
            if (surname != null || !given.isEmpty()) authors.add(new Author(surname, String.join(" ", given)));
        }
        return authors;
    }

    static Integer year(Element imprint) {
        if (imprint == null) return null;
        for (Element date : children(imprint, "date")) {
            Matcher m = YEAR.matcher(date.attr("when").isEmpty() ? date.text() : date.attr("when"));
            if (m.find()) return Integer.valueOf(m.group(1));
        }
        return null;
    }

    /** The main title when typed, else the first: GROBID marks {@code level} a, j or m and sometimes {@code type="main"}. */
    private static String firstTitle(Element parent) {
        if (parent == null) return null;
        Element first = null;
        for (Element t : parent.children()) {
            if (!local(t).equals("title")) continue;
            if (t.attr("type").equals("main")) return text(t);
            if (first == null) first = t;
        }
        return text(first);
    }
}
