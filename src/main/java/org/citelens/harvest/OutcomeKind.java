package org.citelens.harvest;

import com.fasterxml.jackson.annotation.JsonValue;

/** What became of one citing work. The first two are read; the others say why not. */
public enum OutcomeKind {
    /** Europe PMC's open-access JATS. */
    JATS("jats", true),
    /** A publisher (or repository) landing page holding the full text, read by the HTML parser. */
    HTML("html", true),
    /** No open copy known: neither Europe PMC nor Unpaywall lists one. */
    CLOSED("closed", false),
    /** The only open copy is a PDF, which Citelens does not read. */
    PDF_ONLY("pdfOnly", false),
    /** An open copy is known but could not be fetched (error answer, timeout, broken or oversized body, robots.txt). */
    FETCH_FAILED("fetchFailed", false),
    /** Fetched, but not an article the parsers can read (an abstract-only landing page, malformed markup). */
    PARSE_FAILED("parseFailed", false);

    private final String wireName;
    private final boolean read;

    OutcomeKind(String wireName, boolean read) {
        this.wireName = wireName;
        this.read = read;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public boolean isRead() {
        return read;
    }
}
