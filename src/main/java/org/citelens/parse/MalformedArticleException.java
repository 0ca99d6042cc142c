package org.citelens.parse;

/** A document that cannot be read as an article: counted and skipped by ingest, never fatal to a batch. */
public class MalformedArticleException extends Exception {
    public MalformedArticleException(String message) {
        super(message);
    }

    public MalformedArticleException(String message, Throwable cause) {
        super(message, cause);
    }
}
