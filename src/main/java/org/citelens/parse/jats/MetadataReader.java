package org.citelens.parse.jats;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.citelens.model.ArticleMetadata;
import org.citelens.model.Author;
import org.citelens.model.Doi;
import org.jsoup.nodes.Element;

/** Reads the citing article's own metadata from {@code front}: identifiers, title, authors, journal, year. */
final class MetadataReader {
    private static final Pattern YEAR = Pattern.compile("(1[5-9]\\d\\d|20\\d\\d)");
    /**
     * Publication dates in order of preference: the print issue (what citing references print), then the online
     * date; a collection year last, as it is often the volume's year rather than the article's; any other date (PMC release) only when none of these is given.
     */
    private static final List<String> DATE_PREFERENCE = List.of("ppub", "epub-ppub", "epub", "collection");

    ArticleMetadata read(Element article, String source) {
        Element front = Dom.child(article, "front");
        Element meta = front == null ? null : Dom.child(front, "article-meta");
        if (meta == null) return new ArticleMetadata(null, null, null, null, List.of(), null, null, source);
        String doi = null;
        String pmid = null;
        String pmcid = null;
        for (Element id : Dom.children(meta, "article-id")) {
            String value = JatsText.of(id);
            switch (id.attr("pub-id-type").toLowerCase(java.util.Locale.ROOT)) {
                case "doi" -> doi = doi != null ? doi : Doi.normalize(value).orElse(null);
                case "pmid" -> pmid = pmid != null ? pmid : JatsIds.pmid(value);
                case "pmcid", "pmc" -> pmcid = pmcid != null ? pmcid : JatsIds.pmcid(value);
                default -> {}
            }
        }
        Element title = Dom.child(Dom.child(meta, "title-group"), "article-title");
        return new ArticleMetadata(
                doi,
                pmid,
                pmcid,
                title == null ? null : JatsText.of(title),
                authors(meta),
                journal(front),
                year(meta),
                source);
    }

    private static List<Author> authors(Element meta) {
        List<Author> authors = new ArrayList<>();
        for (Element contrib : Dom.children(meta, "contrib-group").stream()
                .flatMap(g -> Dom.children(g, "contrib").stream())
                .toList()) {
            String type = contrib.attr("contrib-type");
            if (!type.isEmpty() && !type.equals("author")) continue;
            Element name = Dom.first(contrib, "name", "string-name");
            if (name != null) {
                String surname = JatsText.ofFirst(name, "surname");
                authors.add(new Author(
                        surname != null ? surname : JatsText.of(name), JatsText.ofFirst(name, "given-names")));
            } else {
                Element collab = Dom.first(contrib, "collab");
                if (collab != null) authors.add(new Author(JatsText.of(collab), ""));
            }
        }
        return authors;
    }

    private static String journal(Element front) {
        Element journalMeta = Dom.child(front, "journal-meta");
        if (journalMeta == null) return null;
        String title = JatsText.ofFirst(journalMeta, "journal-title");
        if (title != null) return title;
        for (Element id : Dom.children(journalMeta, "journal-id")) {
            if (id.attr("journal-id-type").equals("nlm-ta")
                    || id.attr("journal-id-type").equals("iso-abbrev")) {
                return JatsText.of(id);
            }
        }
        return null;
    }

    /** The year of the preferred publication date; PMC's release and other dates only when nothing else is given. */
    private static Integer year(Element meta) {
        Integer fallback = null;
        int bestRank = Integer.MAX_VALUE;
        Integer best = null;
        for (Element date : Dom.children(meta, "pub-date")) {
            Integer year = yearOf(date);
            if (year == null) continue;
            String type = date.hasAttr("pub-type") ? date.attr("pub-type") : date.attr("date-type");
            if (type.isEmpty() || type.equals("pub")) {
                // JATS 1.2 writes the medium apart: date-type="pub" publication-format="print|electronic"
                type = date.attr("publication-format").equals("print") ? "ppub" : "epub";
            }
            int rank = DATE_PREFERENCE.indexOf(type);
            if (rank < 0) {
                if (fallback == null) fallback = year;
            } else if (rank < bestRank) {
                bestRank = rank;
                best = year;
            }
        }
        return best != null ? best : fallback;
    }

    private static Integer yearOf(Element date) {
        Element year = Dom.child(date, "year");
        if (year == null) return null;
        Matcher m = YEAR.matcher(JatsText.of(year));
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
