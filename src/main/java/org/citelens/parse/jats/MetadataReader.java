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
    /** Publication dates in order of preference: the version of record first, PMC's release date last. */
    private static final List<String> DATE_PREFERENCE = List.of("epub", "ppub", "epub-ppub", "collection");

    ArticleMetadata read(Element article, String source) {
        Element front = article.selectFirst("> front");
        Element meta = front == null ? null : front.selectFirst("article-meta");
        if (meta == null) return new ArticleMetadata(null, null, null, null, List.of(), null, null, source);
        String doi = null;
        String pmid = null;
        String pmcid = null;
        for (Element id : meta.select("> article-id")) {
            String value = JatsText.of(id);
            switch (id.attr("pub-id-type").toLowerCase(java.util.Locale.ROOT)) {
                case "doi" -> doi = doi != null ? doi : Doi.normalize(value).orElse(null);
                case "pmid" -> pmid = pmid != null ? pmid : JatsIds.pmid(value);
                case "pmcid", "pmc" -> pmcid = pmcid != null ? pmcid : JatsIds.pmcid(value);
                default -> { }
            }
        }
        Element title = meta.selectFirst("title-group > article-title");
        return new ArticleMetadata(doi, pmid, pmcid, title == null ? null : JatsText.of(title), authors(meta),
                journal(front), year(meta), source);
    }

    private static List<Author> authors(Element meta) {
        List<Author> authors = new ArrayList<>();
        for (Element contrib : meta.select("contrib-group > contrib")) {
            String type = contrib.attr("contrib-type");
            if (!type.isEmpty() && !type.equals("author")) continue;
            Element name = contrib.selectFirst("name, string-name");
            if (name != null) {
                String surname = JatsText.ofFirst(name, "surname");
                authors.add(new Author(surname != null ? surname : JatsText.of(name), JatsText.ofFirst(name, "given-names")));
            } else {
                Element collab = contrib.selectFirst("collab");
                if (collab != null) authors.add(new Author(JatsText.of(collab), ""));
            }
        }
        return authors;
    }

    private static String journal(Element front) {
        Element journalMeta = front.selectFirst("journal-meta");
        if (journalMeta == null) return null;
        String title = JatsText.ofFirst(journalMeta, "journal-title");
        if (title != null) return title;
        for (Element id : journalMeta.select("journal-id")) {
            if (id.attr("journal-id-type").equals("nlm-ta") || id.attr("journal-id-type").equals("iso-abbrev")) {
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
        for (Element date : meta.select("> pub-date")) {
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
        Element year = date.selectFirst("year");
        if (year == null) return null;
        Matcher m = YEAR.matcher(JatsText.of(year));
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
