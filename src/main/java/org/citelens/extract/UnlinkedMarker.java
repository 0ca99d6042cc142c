package org.citelens.extract;

/**
 * A citation marker that points at no reference of its article, reported rather than dropped.
 *
 * @param target the id it names ("" when the xref has no target at all)
 */
public record UnlinkedMarker(String marker, String target, String sentence) {}
