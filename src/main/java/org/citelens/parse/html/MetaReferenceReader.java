package org.citelens.parse.html;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.citelens.model.Author;
import org.citelens.model.Doi;
import org.citelens.model.Reference;

/**
 * References from {@code <meta name="citation_reference" content="citation_title=...; citation_author=...">}.
 * Fields are split only where a new {@code citation_*=} key starts, so semicolons inside titles survive.
 */
final class MetaReferenceReader {
    private static final Pattern FIELD_SPLIT = Pattern.compile(";\\s*(?=citation_\\w+\\s*=)");

    private MetaReferenceReader() {}

    static List<Reference> read(MetaTags meta) {
        List<Reference> refs = new ArrayList<>();
        int n = 0;
        for (String content : meta.all("citation_reference")) {
            n++;
            refs.add(parse("meta-ref-" + n, content));
        }
        return refs;
    }

    static Reference parse(String id, String content) {
        String title = null, journal = null, volume = null, firstPage = null, lastPage = null, doi = null, pmid = null;
        Integer year = null;
        List<Author> authors = new ArrayList<>();
        for (String field : FIELD_SPLIT.split(content)) {
            int eq = field.indexOf('=');
            if (eq < 0) continue;
            String key = field.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
            String value = field.substring(eq + 1).strip();
            if (value.endsWith(";"))
                value = value.substring(0, value.length() - 1).strip();
            if (value.isEmpty()) continue;
            switch (key) {
                case "citation_title", "citation_article_title" -> title = value;
                case "citation_author" -> authors.add(AuthorNames.parse(value));
                case "citation_authors" -> {
                    for (String a : value.split("[;]")) if (!a.isBlank()) authors.add(AuthorNames.parse(a));
                }
                case "citation_journal_title", "citation_book_title", "citation_publisher" ->
                    journal = journal == null ? value : journal;
                case "citation_volume" -> volume = value;
                case "citation_firstpage" -> firstPage = value;
                case "citation_lastpage" -> lastPage = value;
                case "citation_doi" -> doi = Doi.normalize(value).orElse(null);
                case "citation_pmid" -> pmid = value.replaceAll("\\D", "");
                case "citation_year", "citation_date", "citation_publication_date" ->
                    year = year != null ? year : HtmlMetadataReader.year(value);
                default -> {}
            }
        }
        String pages = firstPage == null ? null : lastPage == null ? firstPage : firstPage + "-" + lastPage;
        String raw = content.replaceAll("citation_\\w+\\s*=\\s*", "")
                .replaceAll("\\s+", " ")
                .strip();
        return new Reference(
                id,
                doi,
                pmid == null || pmid.isEmpty() ? null : pmid,
                null,
                title,
                authors,
                year,
                journal,
                volume,
                pages,
                raw);
    }
}
