package org.citelens.crawl;

import java.util.List;
import java.util.Optional;

/**
 * One rule a normalised URL must pass, as StormCrawler's URL filters: {@link UrlScope} when a link is discovered,
 * {@link AddressGuard} and robots.txt ({@link RobotsRule}) before it is fetched. A refusal says which rule refused
 * and why, in the words the fetch log and the journal give.
 */
public interface UrlRule {
    /** The rules a crawl applies. */
    enum Kind {
        SCOPE,
        ADDRESS,
        ROBOTS
    }

    record Refusal(Kind rule, String reason) {}

    /** Empty when the URL passes. */
    Optional<Refusal> check(String normalizedUrl);

    /** The rules in order: the first refusal wins, and the rules after it are not asked. */
    static UrlRule chain(List<UrlRule> rules) {
        List<UrlRule> copy = List.copyOf(rules);
        return url -> {
            for (UrlRule r : copy) {
                Optional<Refusal> refused = r.check(url);
                if (refused.isPresent()) return refused;
            }
            return Optional.empty();
        };
    }
}
