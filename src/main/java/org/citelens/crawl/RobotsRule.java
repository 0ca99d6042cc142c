package org.citelens.crawl;

import crawlercommons.robots.BaseRobotRules;
import java.util.Optional;

/**
 * robots.txt as a {@link UrlRule}: the host's rules from the {@link RobotsCache}, which fetches robots.txt when they
 * are not cached, so it belongs after the address rule in a chain and is asked with the host leased. An unreachable
 * or failing robots.txt disallows everything for a while (RFC 9309), with the reason.
 */
public final class RobotsRule implements UrlRule {
    private final RobotsCache robots;

    public RobotsRule(RobotsCache robots) {
        this.robots = robots;
    }

    @Override
    public Optional<Refusal> check(String url) {
        BaseRobotRules rules = robots.rulesFor(url);
        if (rules.isAllowed(url)) return Optional.empty();
        String note = robots.failureNote(url);
        return Optional.of(new Refusal(
                Kind.ROBOTS, note != null ? note + " (RFC 9309: disallow all for now)" : "disallowed by robots.txt"));
    }
}
