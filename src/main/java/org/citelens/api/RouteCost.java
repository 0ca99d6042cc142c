package org.citelens.api;

/**
 * How expensive a route is. Each cost class has its own concurrency limit, so that exports and deep searches
 * cannot take the threads that tally lookups need.
 */
public enum RouteCost {
    /** Key lookups answered from memory or one term query: tallies, health, static pages. */
    CHEAP,
    /** Queries that rank, facet or page: search, citations, paper reports. */
    QUERY,
    /** Streams of unbounded length: export. */
    EXPORT
}
