package org.citelens.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.citelens.model.Article;
import org.citelens.model.SourceFormat;
import org.citelens.parse.jats.JatsDocument;
import org.jsoup.Jsoup;
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
        Document doc;
        try {
            // charset null: the XML declaration or byte-order mark decides, UTF-8 otherwise
            doc = Jsoup.parse(new ByteArrayInputStream(content), null, "", Parser.xmlParser());
        } catch (IOException | UncheckedIOException e) {
            throw new MalformedArticleException("unreadable XML: " + e.getMessage(), e);
        }
        try {
            return reader.read(doc, source);
        } catch (IllegalArgumentException e) {
            throw new MalformedArticleException("not a JATS article: " + e.getMessage(), e);
        }
    }
}
