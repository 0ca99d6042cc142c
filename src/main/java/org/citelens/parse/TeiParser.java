package org.citelens.parse;

import org.citelens.model.Article;
import org.citelens.model.SourceFormat;

/** Placeholder until the TEI parser lands. */
public final class TeiParser implements ArticleParser {
    @Override
    public SourceFormat format() {
        return SourceFormat.TEI;
    }

    @Override
    public Article parse(byte[] content, String source) throws MalformedArticleException {
        throw new MalformedArticleException("TEI parser not built yet");
    }
}
