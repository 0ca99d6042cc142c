package org.citelens.parse;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.citelens.model.Article;
import org.citelens.model.SourceFormat;

/** Chooses the parser for a document from its content (and name as a hint) and runs it. */
public final class ArticleParsers {
    private final JatsParser jats = new JatsParser();
    private final TeiParser tei = new TeiParser();
    private final HtmlParser html = new HtmlParser();

    /** Sniffs the first few kilobytes: the root element decides, the file name only breaks ties. */
    public SourceFormat detect(byte[] content, String name) {
        String head = new String(content, 0, Math.min(content.length, 8192), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        if (head.contains("<tei") ) return SourceFormat.TEI;
        if (head.contains("<article") && (head.contains("jats") || head.contains("<front") || head.contains("<article-meta")
                || head.contains("nlm"))) return SourceFormat.JATS;
        if (head.contains("<html") || head.contains("<!doctype html")) return SourceFormat.HTML;
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".tei.xml")) return SourceFormat.TEI;
        if (n.endsWith(".xml") && head.contains("<article")) return SourceFormat.JATS;
        if (n.endsWith(".html") || n.endsWith(".htm")) return SourceFormat.HTML;
        return SourceFormat.UNKNOWN;
    }

    public Article parse(byte[] content, String source) throws MalformedArticleException {
        SourceFormat format = detect(content, source);
        return switch (format) {
            case JATS -> jats.parse(content, source);
            case TEI -> tei.parse(content, source);
            case HTML -> html.parse(content, source);
            case UNKNOWN -> throw new MalformedArticleException("not a JATS, TEI or HTML article");
        };
    }
}
