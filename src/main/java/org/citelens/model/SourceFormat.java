package org.citelens.model;

/** The document formats Citelens reads. */
public enum SourceFormat {
    JATS,
    TEI,
    HTML,
    UNKNOWN
}
