package org.citelens.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/** The one way our parsers turn bytes into a jsoup tree: with a nesting cap, and every failure a malformed article. */
final class BoundedJsoup {
    /** Deeper than any real article; jsoup stops nesting beyond it, so hostile nesting cannot exhaust the stack. */
    static final int MAX_DEPTH = 512;

    private BoundedJsoup() {}

    /**
     * @param parser a fresh {@link Parser#xmlParser()} or {@link Parser#htmlParser()}
     * @param what the format, for the error message ("XML", "HTML", "TEI XML")
     */
    static Document parse(byte[] content, Parser parser, String baseUri, String what) throws MalformedArticleException {
        parser.setMaxDepth(MAX_DEPTH);
        try {
            // charset null: the XML declaration, meta tag or byte-order mark decides, UTF-8 otherwise
            return Jsoup.parse(new ByteArrayInputStream(content), null, baseUri, parser);
        } catch (IOException | RuntimeException e) {
            throw new MalformedArticleException("unreadable " + what + ": " + e.getMessage(), e);
        }
    }
}
