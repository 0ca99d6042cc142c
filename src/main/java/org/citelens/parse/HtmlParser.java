package org.citelens.parse;

import java.util.List;
import org.citelens.model.Article;
import org.citelens.model.ArticleMetadata;
import org.citelens.model.SourceFormat;
import org.citelens.parse.html.HtmlArticleReader;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Reads a publisher's HTML article page: metadata from its meta tags, references from its reference list and
 * {@code citation_reference} tags, and citation statements' raw material (sections, paragraphs, markers) from the
 * article body, with page chrome left out.
 */
public final class HtmlParser implements ArticleParser {
    @Override
    public SourceFormat format() {
        return SourceFormat.HTML;
    }

    @Override
    public Article parse(byte[] content, String source) throws MalformedArticleException {
        ContentSniffer.requireText(content, "an HTML page");
        Document doc = BoundedJsoup.parse(content, Parser.htmlParser(), baseUri(source), "HTML");
        try {
            return read(doc, source);
        } catch (RuntimeException | StackOverflowError e) {
            throw new MalformedArticleException("HTML page could not be read as an article: " + e, e);
        }
    }

    private static Article read(Document doc, String source) throws MalformedArticleException {
        HtmlArticleReader.Result r = new HtmlArticleReader().read(doc, source);
        ArticleMetadata meta = r.metadata();
        boolean hasCitations = r.sections().stream().anyMatch(s -> s.paragraphs().stream()
                .anyMatch(p -> !p.citations().isEmpty()));
        if (!r.metadataFromTags() && r.references().isEmpty() && !hasCitations) {
            throw new MalformedArticleException("not an article page: no citation_*, dc.* or prism.* metadata, "
                    + "no reference list and no in-text citations");
        }
        return new Article(SourceFormat.HTML, meta, r.references(), r.sections().isEmpty() ? List.of() : r.sections());
    }

    private static String baseUri(String source) {
        return source != null && (source.startsWith("http://") || source.startsWith("https://")) ? source : "";
    }
}
