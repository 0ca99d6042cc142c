package org.citelens.resolve;

import java.util.List;
import java.util.Objects;
import org.citelens.model.ArticleMetadata;
import org.citelens.model.Author;
import org.citelens.model.Doi;
import org.citelens.model.Reference;

/**
 * One way a work was written down: by a reference in some article or by the article's own metadata. Keeps the
 * original spellings (for the merged metadata users see) beside their normalised forms (for matching).
 *
 * @param doi normalised DOI or null
 * @param title the work's title as written; for a book reference without an article title, the book title
 * @param fromArticle true when this is the corpus article's own metadata, which outranks what references say
 */
public record WorkVariant(
        String doi,
        String pmid,
        String pmcid,
        String title,
        String surname,
        String givenNames,
        Integer year,
        String journal,
        String volume,
        String pages,
        boolean fromArticle,
        Normalized normalized) {

    /** The normalised forms the scorer and the keys use, computed once. */
    public record Normalized(
            List<String> titleTokens,
            String fingerprint,
            String surnameKey,
            List<String> journalTokens,
            String firstPage,
            String volume) {}

    public WorkVariant {
        Objects.requireNonNull(normalized, "normalized");
    }

    static WorkVariant of(
            String doi,
            String pmid,
            String pmcid,
            String title,
            String surname,
            String givenNames,
            Integer year,
            String journal,
            String volume,
            String pages,
            boolean fromArticle) {
        List<String> tokens = TextNormalizer.titleTokens(title);
        Normalized n = new Normalized(
                tokens,
                String.join(" ", tokens),
                TextNormalizer.surnameKey(surname),
                TextNormalizer.journalTokens(journal),
                TextNormalizer.firstPage(pages),
                TextNormalizer.fold(volume));
        return new WorkVariant(
                doi,
                blankToNull(pmid),
                blankToNull(pmcid),
                blankToNull(title),
                blankToNull(surname),
                blankToNull(givenNames),
                year,
                blankToNull(journal),
                blankToNull(volume),
                blankToNull(pages),
                fromArticle,
                n);
    }

    /** A reference as the resolver sees it; its DOI comes from {@link ReferenceIdentifiers}. */
    public static WorkVariant of(Reference ref) {
        String doi = ReferenceIdentifiers.doi(ref);
        Author first = ref.firstAuthor();
        boolean hasTitle = ref.title() != null && !ref.title().isBlank();
        // a book reference carries its title in source; the raw text is the last resort for unstructured ones
        String title =
                hasTitle ? ref.title() : ref.source() != null && !ref.source().isBlank() ? ref.source() : ref.rawText();
        String journal = hasTitle ? ref.source() : null;
        // an unstructured reference still names its first author and year in its text
        String surname = first != null && !first.surname().isEmpty()
                ? first.surname()
                : ReferenceIdentifiers.surnameInText(ref.rawText());
        Integer year = ref.year() != null ? ref.year() : ReferenceIdentifiers.yearInText(ref.rawText());
        return of(
                doi,
                ref.pmid(),
                ref.pmcid(),
                title,
                surname,
                first == null ? null : first.givenNames(),
                year,
                journal,
                ref.volume(),
                ref.pages(),
                false);
    }

    /** A corpus article's own metadata: the authoritative spelling of an in-corpus work. */
    public static WorkVariant of(ArticleMetadata meta) {
        Author first = meta.authors().isEmpty() ? null : meta.authors().get(0);
        return of(
                Doi.normalize(meta.doi()).orElse(null),
                meta.pmid(),
                meta.pmcid(),
                meta.title(),
                first == null ? null : first.surname(),
                first == null ? null : first.givenNames(),
                meta.year(),
                meta.journal(),
                null,
                null,
                true);
    }

    /** Identifies this spelling among the variants of one work, so repeated spellings are counted, not stored. */
    String signature() {
        return String.join(
                "\u001f",
                String.valueOf(title),
                String.valueOf(surname),
                String.valueOf(givenNames),
                String.valueOf(year),
                String.valueOf(journal),
                String.valueOf(volume),
                String.valueOf(pages),
                String.valueOf(fromArticle));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
