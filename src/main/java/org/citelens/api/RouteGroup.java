package org.citelens.api;

/**
 * A set of routes that registers itself on the server. The server's own groups (tallies, statements, export,
 * pages, system) are instances of this; another stage adds its routes (e.g. {@code /api/works}) by passing a
 * group to {@link ApiServer#ApiServer(org.citelens.index.StatementStore, ApiConfig, java.util.List)} without
 * touching this package.
 */
@FunctionalInterface
public interface RouteGroup {
    void register(ApiRoutes routes);
}
