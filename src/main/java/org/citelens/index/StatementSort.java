package org.citelens.index;

/** Orders of a statement listing; RELEVANCE only means something with a text query. */
public enum StatementSort {
    RELEVANCE,
    YEAR_DESC,
    YEAR_ASC,
    CONFIDENCE_DESC,
    CONFIDENCE_ASC
}
