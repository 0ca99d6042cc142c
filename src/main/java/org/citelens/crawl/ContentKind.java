package org.citelens.crawl;

/** What a fetched body is, decided from its Content-Type header and its first bytes. */
public enum ContentKind {
    /** An HTML page with article metadata or a reference list: stored and followed. */
    HTML_ARTICLE(".html"),
    /** Any other HTML page (an index, a table of contents): followed for links, not stored. */
    HTML_PAGE(""),
    /** A sitemap, sitemap index, RSS or Atom feed: the URLs it lists are followed, it is not stored. */
    SITEMAP(""),
    JATS(".xml"),
    TEI(".tei.xml"),
    /** PDF, images, archives, plain text, unknown XML: skipped and logged. */
    OTHER("");

    private final String extension;

    ContentKind(String extension) {
        this.extension = extension;
    }

    /** The store file's extension, chosen so that ingest picks the file up; empty when never stored. */
    public String extension() {
        return extension;
    }

    public boolean stored() {
        return !extension.isEmpty();
    }
}
