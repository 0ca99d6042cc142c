package org.citelens.parse.jats;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.citelens.model.Author;
import org.citelens.model.Doi;
import org.citelens.model.Reference;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.ProcessingInstruction;

/** Reads a JATS {@code ref} (element-citation, mixed-citation, nlm-citation or citation) into a reference. */
public final class ReferenceReader {
    private static final String[] CITATIONS = {"element-citation", "mixed-citation", "nlm-citation", "citation"};
    private static final Pattern YEAR = Pattern.compile("(1[5-9]\\d\\d|20\\d\\d)");
    private static final java.util.Set<String> TITLES =
            java.util.Set.of("article-title", "chapter-title", "source", "data-title", "part-title");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** @return the reference, or null when the ref has no id (an xref could never point at it) */
    public Reference read(Element ref) {
        String id = ref.id();
        if (id.isBlank()) return null;
        Element citation = Dom.first(ref, CITATIONS);
        Element body = citation != null ? citation : ref;
        boolean mixed = JatsText.isMixed(body);
        String raw = mixed ? JatsText.asWritten(body) : null;
        String text = raw != null ? raw : JatsText.of(body);
        List<Element> pubIds = Dom.all(body, "pub-id"); // once: each lookup below would walk the citation again
        String doi = pubId(pubIds, "doi");
        if (doi == null) doi = Doi.normalize(extLinkDoi(body)).orElse(null);
        if (doi == null && text.toLowerCase(java.util.Locale.ROOT).contains("doi"))
            doi = Doi.normalize(text).orElse(null);
        String pmid = JatsIds.pmid(pubId(pubIds, "pmid"));
        if (pmid == null) pmid = suppliedPmid(ref);
        String pmcid = JatsIds.pmcid(pubId(pubIds, "pmcid"));
        if (pmcid == null) pmcid = JatsIds.pmcid(pubId(pubIds, "pmc"));
        String title = title(body);
        List<Author> authors = authors(body);
        // an element-citation has fields but no punctuation between them: render it for display
        if (raw == null) raw = CitationText.of(body, authors, title, doi);
        return new Reference(
                id,
                doi,
                pmid,
                pmcid,
                title,
                authors,
                year(body, text),
                JatsText.ofFirst(body, "source"),
                JatsText.ofFirst(body, "volume"),
                pages(body),
                raw);
    }

    private static String pubId(List<Element> pubIds, String type) {
        for (Element e : pubIds) {
            if (type.equalsIgnoreCase(e.attr("pub-id-type"))) {
                String v = JatsText.of(e);
                if (!v.isEmpty()) return type.equals("doi") ? Doi.normalize(v).orElse(null) : v;
            }
        }
        return null;
    }

    private static String extLinkDoi(Element citation) {
        for (Element e : Dom.all(citation, "ext-link")) {
            String href = e.attr("xlink:href");
            if (href.contains("10.")) return href;
            String text = JatsText.of(e);
            if (text.contains("10.")) return text;
        }
        return null;
    }

    /**
     * PubMed's own link, kept as a processing instruction: {@code <?supplied-pmid 12345?>} (a ProcessingInstruction
     * node since jsoup 1.24; an XmlDeclaration before).
     */
    private static String suppliedPmid(Element ref) {
        for (Element e : ref.getAllElements()) {
            for (Node n : e.childNodes()) {
                if (n instanceof ProcessingInstruction pi && pi.target().equals("supplied-pmid")) {
                    Matcher m = DIGITS.matcher(pi.data());
                    if (m.find()) return m.group();
                }
            }
        }
        return null;
    }

    private static String title(Element citation) {
        for (String tag : List.of("article-title", "chapter-title", "data-title", "part-title")) {
            String t = JatsText.ofFirst(citation, tag);
            if (t != null) return t;
        }
        // a book cited as a whole has only its source as title
        String type = citation.attr("publication-type");
        return type.equals("book") || type.equals("thesis") || type.equals("report")
                ? JatsText.ofFirst(citation, "source")
                : null;
    }

    private static Integer year(Element citation, String raw) {
        Element year = Dom.first(citation, "year", "date-in-citation");
        Matcher m = YEAR.matcher(year != null ? JatsText.of(year) : raw);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static String pages(Element citation) {
        String first = JatsText.ofFirst(citation, "fpage");
        String last = JatsText.ofFirst(citation, "lpage");
        if (first != null) return last == null ? first : first + "–" + last;
        String range = JatsText.ofFirst(citation, "page-range");
        return range != null ? range : JatsText.ofFirst(citation, "elocation-id");
    }

    /** Authors of the cited work: the author group when marked, else every name not in an editor group. */
    static List<Author> authors(Element citation) {
        List<Element> groups = Dom.all(citation, "person-group");
        List<Element> scopes = new ArrayList<>();
        for (Element g : groups) {
            if (g.attr("person-group-type").equals("author")) scopes.add(g);
        }
        if (scopes.isEmpty()) {
            for (Element g : groups) {
                if (g.attr("person-group-type").isEmpty()) scopes.add(g);
            }
        }
        List<Author> authors = new ArrayList<>();
        if (scopes.isEmpty()) {
            // names written straight into a mixed-citation: the authors come first, an editor after the title
            for (Element e : citation.children()) {
                if (!authors.isEmpty() && TITLES.contains(e.normalName())) break;
                addName(e, authors);
            }
        } else {
            for (Element g : scopes) {
                for (Element e : g.children()) addName(e, authors);
            }
        }
        return authors;
    }

    private static void addName(Element e, List<Author> out) {
        switch (e.normalName()) {
            case "name", "string-name" -> {
                String surname = JatsText.ofFirst(e, "surname");
                String given = JatsText.ofFirst(e, "given-names");
                if (surname == null && given == null) {
                    String whole = JatsText.of(e);
                    if (!whole.isEmpty()) out.add(new Author(whole, ""));
                } else {
                    out.add(new Author(surname, given));
                }
            }
            case "collab" -> {
                String name = JatsText.of(e);
                if (!name.isEmpty()) out.add(new Author(name, ""));
            }
            default -> {}
        }
    }
}
