package org.citelens.parse;

import org.citelens.model.Article;
import org.citelens.model.SourceFormat;

/** Placeholder until the HTML parser lands. */
public final class HtmlParser implements ArticleParser {
    @Override
    public SourceFormat format() {
        return SourceFormat.HTML;
    }

    @Override
    public Article parse(byte[] content, String source) throws MalformedArticleException {
        throw new MalformedArticleException("HTML parser not built yet");
    }
}
