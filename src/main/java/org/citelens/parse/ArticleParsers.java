package org.citelens.parse;

import org.citelens.model.Article;
import org.citelens.model.SourceFormat;

/** Chooses the parser for a document from its content (and name as a hint) and runs it. */
public final class ArticleParsers {
    private final JatsParser jats = new JatsParser();
    private final TeiParser tei = new TeiParser();
    private final HtmlParser html = new HtmlParser();

    /**
     * Decides the format from the content (DOCTYPE, root element, namespaces); the name only breaks ties.
     * Never throws: empty, binary or unreadable content is {@link SourceFormat#UNKNOWN}.
     */
    public SourceFormat detect(byte[] content, String name) {
        return FormatSniffer.detect(content, name);
    }

    public Article parse(byte[] content, String source) throws MalformedArticleException {
        SourceFormat format = detect(content, source);
        return switch (format) {
            case JATS -> jats.parse(content, source);
            case TEI -> tei.parse(content, source);
            case HTML -> html.parse(content, source);
            case UNKNOWN -> throw new MalformedArticleException(unknownReason(content));
        };
    }

    private static String unknownReason(byte[] content) {
        if (content == null || content.length == 0) return "empty file";
        if (ContentSniffer.isBlank(content)) return "file holds only whitespace";
        if (ContentSniffer.looksBinary(content)) return "binary content, not a JATS, TEI or HTML article";
        return "not a JATS, TEI or HTML article (no recognised root element or DOCTYPE)";
    }
}
