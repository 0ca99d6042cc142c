package org.citelens.parse;

import org.citelens.model.Article;
import org.citelens.model.SourceFormat;

/** Reads one document of one format into the shared article model. Implementations are thread-safe. */
public interface ArticleParser {

    SourceFormat format();

    /**
     * @param content the raw bytes of the document
     * @param source where it came from (corpus-relative path or URL), kept as the article's last-resort identity
     * @throws MalformedArticleException when the document cannot be read as an article; the caller counts and skips it
     */
    Article parse(byte[] content, String source) throws MalformedArticleException;
}
