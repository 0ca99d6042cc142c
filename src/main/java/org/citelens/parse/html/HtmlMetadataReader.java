package org.citelens.parse.html;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.citelens.model.ArticleMetadata;
import org.citelens.model.Author;
import org.citelens.model.Doi;
import org.jsoup.nodes.Document;

/**
 * Article metadata from the meta tags publishers write for indexers: Highwire {@code citation_*} first, then Dublin
 * Core {@code dc.*} and PRISM {@code prism.*}; authors last from schema.org JSON-LD.
 */
public final class HtmlMetadataReader {
    private static final Pattern YEAR = Pattern.compile("\\b(1[5-9]\\d\\d|20\\d\\d)\\b");
    private static final Pattern PMCID = Pattern.compile("PMC\\d+", Pattern.CASE_INSENSITIVE);

    /** What the reader found, and whether any of it came from real article metadata (not just {@code <title>}). */
    public record Result(ArticleMetadata metadata, boolean fromMetaTags) {}

    private final JsonLdAuthors jsonLd = new JsonLdAuthors();

    public Result read(Document doc, String source) {
        MetaTags meta = new MetaTags(doc);
        String doi = firstDoi(
                meta,
                "citation_doi",
                "dc.identifier",
                "dc.identifier.doi",
                "prism.doi",
                "bepress_citation_doi",
                "dc.relation",
                "og:url");
        String title = meta.first("citation_title", "dc.title", "prism.title", "og:title");
        List<Author> authors = new ArrayList<>();
        for (String name : meta.all("citation_author")) authors.add(AuthorNames.parse(name));
        if (authors.isEmpty()) for (String name : meta.all("dc.creator")) authors.add(AuthorNames.parse(name));
        if (authors.isEmpty()) authors.addAll(jsonLd.read(doc));
        String journal =
                meta.first("citation_journal_title", "prism.publicationname", "dc.source", "citation_publisher");
        Integer year = year(meta.first(
                "citation_publication_date",
                "citation_date",
                "citation_year",
                "citation_online_date",
                "dc.date",
                "prism.publicationdate",
                "dc.date.issued",
                "prism.coverdate"));
        String pmid = digits(meta.first("citation_pmid", "dc.identifier.pmid"));
        String pmcidRaw = meta.first("citation_pmcid");
        String pmcid = pmcidRaw == null ? null : matchOrNull(PMCID.matcher(pmcidRaw));
        boolean fromMeta = doi != null || title != null || !authors.isEmpty() || pmid != null;
        if (title == null) {
            String pageTitle = doc.title().strip();
            title = pageTitle.isEmpty() ? null : pageTitle;
        }
        return new Result(new ArticleMetadata(doi, pmid, pmcid, title, authors, journal, year, source), fromMeta);
    }

    private static String firstDoi(MetaTags meta, String... names) {
        for (String n : names) {
            for (String value : meta.all(n)) {
                var doi = Doi.normalize(value);
                if (doi.isPresent()) return doi.get();
            }
        }
        return null;
    }

    static Integer year(String value) {
        if (value == null) return null;
        Matcher m = YEAR.matcher(value);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static String digits(String value) {
        if (value == null) return null;
        String d = value.replaceAll("\\D", "");
        return d.isEmpty() ? null : d;
    }

    private static String matchOrNull(Matcher m) {
        return m.find() ? m.group().toUpperCase(java.util.Locale.ROOT) : null;
    }
}
