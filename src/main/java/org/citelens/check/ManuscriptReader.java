package org.citelens.check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.citelens.model.Article;
import org.citelens.model.Reference;
import org.citelens.model.SourceFormat;
import org.citelens.parse.ArticleParsers;
import org.citelens.parse.DocumentGuard;
import org.citelens.parse.DocumentLimits;
import org.citelens.parse.MalformedArticleException;
import org.citelens.parse.PlainReferenceParser;

/**
 * Reads a manuscript: JATS, TEI and HTML through the article parsers (under the ingest's per-document guard), and
 * anything else as plain text whose reference list follows a "References" heading (or is the whole text), one
 * reference per line or per paragraph.
 */
public final class ManuscriptReader {
    /** A manuscript is a paper, not a corpus: 5 MB holds any reference list with its body. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    public static final int MAX_REFERENCES = 2_000;

    private static final Pattern HEADING = Pattern.compile(
            "(?im)^\\s*(?:\\d+\\.?\\s*)?(?:references|reference list|bibliography|literature cited|works cited|cited literature)\\s*:?\\s*$");

    private final ArticleParsers parsers = new ArticleParsers();
    private final DocumentGuard guard = new DocumentGuard(parsers);
    private final PlainReferenceParser plain = new PlainReferenceParser();

    public Manuscript read(byte[] content, String name) throws ManuscriptException {
        if (content == null || content.length == 0 || new String(content, StandardCharsets.UTF_8).isBlank()) {
            throw new ManuscriptException("the manuscript is empty: give its reference list (plain text, one reference"
                    + " per line or paragraph) or the whole paper as JATS, TEI or HTML");
        }
        if (content.length > MAX_BYTES) {
            throw new ManuscriptException(
                    "the manuscript is larger than " + MAX_BYTES / (1024 * 1024) + " MB (" + content.length + " bytes)");
        }
        SourceFormat format = parsers.detect(content, name);
        if (format != SourceFormat.UNKNOWN) {
            Article article;
            try {
                DocumentGuard.Admitted admitted = guard.admit(content, name, DocumentLimits.DEFAULTS);
                article = parsers.parse(admitted.content(), name);
            } catch (MalformedArticleException e) {
                throw new ManuscriptException("the manuscript could not be read as " + format + ": " + e.getMessage(), e);
            }
            if (!article.references().isEmpty()) {
                return checked(new Manuscript(format.name().toLowerCase(Locale.ROOT), article.references(), article));
            }
            if (format != SourceFormat.HTML) {
                throw new ManuscriptException("the " + format + " manuscript has no reference list");
            }
            // an HTML page without a marked-up reference list: read its text like a plain-text manuscript
            return checked(plainText(org.jsoup.Jsoup.parse(new String(content, StandardCharsets.UTF_8))
                    .wholeText()));
        }
        return checked(plainText(new String(content, StandardCharsets.UTF_8)));
    }

    private Manuscript plainText(String text) {
        Matcher m = HEADING.matcher(text);
        int start = 0;
        while (m.find()) start = m.end(); // the last heading: a body may mention "references" earlier
        List<Reference> refs = new ArrayList<>();
        for (String raw : plain.split(text.substring(start))) {
            if (raw.length() < 12 || raw.chars().noneMatch(Character::isLetter)) continue; // page numbers, rules
            refs.add(plain.parse(raw, String.valueOf(refs.size() + 1)));
        }
        return new Manuscript("text", refs, null);
    }

    private static Manuscript checked(Manuscript m) throws ManuscriptException {
        if (m.references().isEmpty()) {
            throw new ManuscriptException("no references found: put one reference per line or paragraph, after a"
                    + " 'References' heading or alone");
        }
        if (m.references().size() > MAX_REFERENCES) {
            throw new ManuscriptException("the manuscript has " + m.references().size() + " references; at most "
                    + MAX_REFERENCES + " are checked at once");
        }
        return m;
    }
}
