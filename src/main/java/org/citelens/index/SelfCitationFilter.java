package org.citelens.index;

/** {@code selfCitation=include|exclude|only}. */
public enum SelfCitationFilter {
    INCLUDE,
    EXCLUDE,
    ONLY
}
