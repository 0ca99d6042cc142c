package org.citelens.parse;

import org.citelens.model.Article;
import org.citelens.model.SourceFormat;
import org.citelens.parse.jats.JatsDocument;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Reads JATS / NLM articles (PMC, Europe PMC, publishers) with jsoup's XML parser: no DTD is loaded, no entity
 * is fetched, nothing leaves the machine. Thread-safe: every call parses into its own document.
 */
public final class JatsParser implements ArticleParser {
    private final JatsDocument reader = new JatsDocument();

    @Override
    public SourceFormat format() {
        return SourceFormat.JATS;
    }

    @Override
    public Article parse(byte[] content, String source) throws MalformedArticleException {
        if (content == null || content.length == 0) throw new MalformedArticleException("empty document");
        Document doc = BoundedJsoup.parse(content, Parser.xmlParser(), "", "XML");
        try {
            return reader.read(doc, source);
        } catch (IllegalArgumentException e) {
            throw new MalformedArticleException("not a JATS article: " + e.getMessage(), e);
        }
    }
}
