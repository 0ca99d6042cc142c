package org.citelens.parse.html;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.citelens.model.Author;
import org.citelens.model.Doi;
import org.citelens.model.Reference;
import org.jsoup.nodes.Element;

/** Reads one entry of a page's reference list into a reference: raw text, DOI, PMID, year, authors. */
final class ReferenceEntryReader {
    /** Link labels publishers put after a reference; they are not part of what the reference says. */
    private static final Pattern LINK_LABELS = Pattern.compile(
            "\\s*(\\[?(CrossRef|Cross Ref|PubMed|PubMed Central|PMC free article|Web of Science ®?|Google Scholar|Medline|"
                    + "CAS|Scopus|ADS|ISI|Article|View Article|PubMed/NCBI|Search via ReFindit|In text citation|"
                    + "Abstract|Full Text|Find this article online|OpenURL[^\\]]*)]?\\s*[,|]?)+\\s*$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern LEADING_LABEL = Pattern.compile("^\\s*(\\[\\d+]|\\d+[.)]|\\d+\\s)\\s*");
    private static final Pattern YEAR_IN_PARENS = Pattern.compile("\\((1[6-9]\\d\\d|20\\d\\d)[a-z]?\\)");
    private static final Pattern YEAR = Pattern.compile("(?<![\\d/.-])(1[6-9]\\d\\d|20\\d\\d)(?![\\d/])");
    private static final Pattern PMID_LINK = Pattern.compile("(?:list_uids=|/pubmed/|term=)(\\d{4,9})");
    private static final Pattern SURNAME =
            Pattern.compile("\\p{Lu}[\\p{L}'’-]+(?:\\s(?:van|von|de|der|den|da|du|la|le)\\s\\p{Lu}[\\p{L}'’-]+)?");
    private static final Pattern LEADING_INITIALS = Pattern.compile("^(?:\\p{Lu}\\.\\s*-?){1,3}\\s*");

    private ReferenceEntryReader() {}

    static Reference read(Element item, String id) {
        String text = CappedText.of(item, 4000);
        String raw = LINK_LABELS.matcher(text).replaceFirst("").strip();
        String doi = null;
        String pmid = null;
        for (Element a : item.getElementsByTag("a")) {
            String href = a.attr("href");
            if (doi == null && (href.contains("doi.org/") || href.contains("doi=")))
                doi = Doi.normalize(href).orElse(null);
            Matcher pm = PMID_LINK.matcher(href);
            if (pmid == null && href.contains("pubmed") && pm.find()) pmid = pm.group(1);
        }
        if (doi == null) doi = Doi.normalize(raw).orElse(null);
        return new Reference(id, doi, pmid, null, null, authors(item, raw), year(raw), null, null, null, raw);
    }

    static Integer year(String raw) {
        Matcher p = YEAR_IN_PARENS.matcher(raw);
        if (p.find()) return Integer.valueOf(p.group(1));
        Matcher m = YEAR.matcher(raw);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** Marked-up names when the page has them (schema.org or JATS-like spans), else the first surname of the text. */
    private static List<Author> authors(Element item, String raw) {
        List<Author> authors = new ArrayList<>();
        for (Element name : item.select("[itemprop=author], span.name, span.string-name")) {
            Element surname = name.selectFirst(".surname, [itemprop=familyName]");
            Element given = name.selectFirst(".given-names, [itemprop=givenName]");
            if (surname != null) authors.add(new Author(surname.text(), given == null ? "" : given.text()));
        }
        if (!authors.isEmpty()) return authors;
        String text = LEADING_LABEL.matcher(raw).replaceFirst("");
        text = LEADING_INITIALS.matcher(text).replaceFirst("");
        Matcher m = SURNAME.matcher(text);
        if (m.find() && m.start() < 40) authors.add(new Author(m.group(), ""));
        return authors;
    }
}
