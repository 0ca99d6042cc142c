package org.citelens.parse;

import org.citelens.model.Article;
import org.citelens.model.SourceFormat;

/** Placeholder until the JATS parser lands. */
public final class JatsParser implements ArticleParser {
    @Override
    public SourceFormat format() {
        return SourceFormat.JATS;
    }

    @Override
    public Article parse(byte[] content, String source) throws MalformedArticleException {
        throw new MalformedArticleException("JATS parser not built yet");
    }
}
