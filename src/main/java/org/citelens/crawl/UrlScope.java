package org.citelens.crawl;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which normalised URLs the crawl may fetch: the seeds' hosts (any port, http or https), the folders of
 * {@code file://} seeds, and whatever {@code --allow} adds. An allow pattern is one of
 * <ul>
 *   <li>{@code re:REGEX}: a Java regular expression that must match the whole normalised URL;</li>
 *   <li>a pattern containing {@code ://}: a glob matched as a prefix of the URL ({@code *} any run of
 *       characters, {@code ?} one character), e.g. {@code https://*.plos.org/plosone/article};</li>
 *   <li>anything else: a host glob, e.g. {@code europepmc.org} or {@code *.biomedcentral.com}.</li>
 * </ul>
 */
public final class UrlScope implements UrlRule {
    private final List<String> seedHosts = new ArrayList<>();
    private final List<String> filePrefixes = new ArrayList<>();
    private final List<Pattern> urlPatterns = new ArrayList<>();
    private final List<Pattern> hostPatterns = new ArrayList<>();

    /** @throws IllegalArgumentException naming the pattern that does not compile */
    public UrlScope(List<String> normalizedSeeds, List<String> allowPatterns) {
        for (String seed : normalizedSeeds) {
            URI u = URI.create(seed);
            if ("file".equals(u.getScheme())) {
                String path = u.getRawPath();
                filePrefixes.add(path.endsWith("/") ? path : path.substring(0, path.lastIndexOf('/') + 1));
            } else {
                seedHosts.add(u.getHost());
            }
        }
        for (String p : allowPatterns) {
            if (p.isBlank()) continue;
            try {
                if (p.startsWith("re:")) urlPatterns.add(Pattern.compile(p.substring(3)));
                else if (p.contains("://")) urlPatterns.add(Pattern.compile(glob(p) + ".*"));
                else hostPatterns.add(Pattern.compile(glob(p.toLowerCase(Locale.ROOT)), Pattern.CASE_INSENSITIVE));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "--allow pattern '" + p + "' is not a valid regular expression: " + e.getDescription());
            }
        }
    }

    /** Empty when the URL is in scope. */
    @Override
    public Optional<Refusal> check(String normalizedUrl) {
        String why = outOfScope(normalizedUrl);
        return why == null ? Optional.empty() : Optional.of(new Refusal(Kind.SCOPE, why));
    }

    private String outOfScope(String normalizedUrl) {
        URI u = URI.create(normalizedUrl);
        for (Pattern p : urlPatterns) {
            if (p.matcher(normalizedUrl).matches()) return null;
        }
        if ("file".equals(u.getScheme())) {
            for (String prefix : filePrefixes) {
                if (u.getRawPath().startsWith(prefix)) return null;
            }
            return "file outside the seed folders";
        }
        String host = u.getHost();
        if (seedHosts.contains(host)) return null;
        for (Pattern p : hostPatterns) {
            if (p.matcher(host).matches()) return null;
        }
        return "host " + host + " not allowed by the seeds or --allow";
    }

    private static String glob(String g) {
        StringBuilder sb = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : g.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) sb.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                sb.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) sb.append(Pattern.quote(literal.toString()));
        return sb.toString();
    }
}
