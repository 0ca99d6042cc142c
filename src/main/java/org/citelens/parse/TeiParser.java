package org.citelens.parse;

import org.citelens.model.Article;
import org.citelens.model.SourceFormat;
import org.citelens.parse.tei.TeiArticleReader;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads GROBID TEI: header metadata, the bibliography, and the body with its {@code ref type="bibr"} callouts and
 * {@code <s>} sentences. jsoup's XML parser loads no DTD and expands no custom entities, so a document cannot make
 * us read a file or open a connection.
 */
public final class TeiParser implements ArticleParser {
    @Override
    public SourceFormat format() {
        return SourceFormat.TEI;
    }

    @Override
    public Article parse(byte[] content, String source) throws MalformedArticleException {
        ContentSniffer.requireText(content, "TEI XML");
        Document doc = BoundedJsoup.parse(content, Parser.xmlParser(), "", "TEI XML");
        Element tei = null;
        for (Element e : doc.children()) {
            String name = e.tagName().toLowerCase(java.util.Locale.ROOT);
            if (name.equals("tei") || name.endsWith(":tei")) tei = e;
        }
        if (tei == null) throw new MalformedArticleException("no TEI root element");
        Article article;
        try {
            article = new TeiArticleReader().read(tei, source);
        } catch (RuntimeException | StackOverflowError e) {
            throw new MalformedArticleException("TEI document could not be read as an article: " + e, e);
        }
        var m = article.metadata();
        if (m.doi() == null
                && m.title() == null
                && m.authors().isEmpty()
                && article.references().isEmpty()
                && article.sections().isEmpty()) {
            throw new MalformedArticleException("TEI document holds no title, author, DOI, bibliography or body text");
        }
        return article;
    }
}
