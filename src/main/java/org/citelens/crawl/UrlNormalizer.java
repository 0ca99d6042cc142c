package org.citelens.crawl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Puts URLs into one canonical spelling so that de-duplication by URL works: lower-case scheme and host, no
 * default port, no fragment, no user info, dot segments resolved, an empty path written {@code /}. Nothing else
 * is touched (query parameters keep their order and spelling). {@code null} means "not a URL we crawl".
 */
public final class UrlNormalizer {

    /** Normalises an absolute URL; {@code null} when it is malformed or not http, https or file. */
    public String normalize(String url) {
        return resolve(null, url);
    }

    /** Resolves {@code href} against {@code base} (may be null) and normalises the result. */
    public String resolve(String base, String href) {
        if (href == null) return null;
        String cleaned = clean(href);
        if (cleaned.isEmpty()) return null;
        try {
            URI uri = new URI(cleaned);
            if (base != null) uri = new URI(base).resolve(uri);
            return canonical(uri);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String canonical(URI uri) {
        if (uri.getScheme() == null || uri.isOpaque()) return null;
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String path = removeDotSegments(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (scheme.equals("file")) {
            String host = uri.getHost();
            if (host != null && !host.isEmpty() && !host.equalsIgnoreCase("localhost")) return null;
            return "file://" + (path.isEmpty() ? "/" : path);
        }
        if (!scheme.equals("http") && !scheme.equals("https")) return null;
        String host = uri.getHost();
        if (host == null || host.isEmpty()) return null;
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        StringBuilder sb = new StringBuilder(scheme).append("://").append(host);
        if (!defaultPort) sb.append(':').append(port);
        sb.append(path.isEmpty() ? "/" : path);
        if (uri.getRawQuery() != null) sb.append('?').append(uri.getRawQuery());
        return sb.toString();
    }

    /** RFC 3986 section 5.2.4, plus percent-encoded dots, which are unreserved and so mean the same. */
    static String removeDotSegments(String rawPath) {
        String path = rawPath.replace("%2e", ".").replace("%2E", ".");
        if (path.isEmpty()) return path;
        Deque<String> out = new ArrayDeque<>();
        String[] parts = path.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String seg = parts[i];
            boolean last = i == parts.length - 1;
            if (seg.equals(".")) {
                if (last) out.addLast("");
            } else if (seg.equals("..")) {
                if (out.size() > 1) out.removeLast();
                if (last) out.addLast("");
            } else {
                out.addLast(seg);
            }
        }
        String joined = String.join("/", out);
        return joined.startsWith("/") || !rawPath.startsWith("/") ? joined : "/" + joined;
    }

    /** Escapes the characters that pages put in hrefs but {@link URI} rejects. */
    private static String clean(String href) {
        String s = href.strip();
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case ' ' -> sb.append("%20");
                case '"' -> sb.append("%22");
                case '<' -> sb.append("%3C");
                case '>' -> sb.append("%3E");
                case '\\' -> sb.append("%5C");
                case '^' -> sb.append("%5E");
                case '`' -> sb.append("%60");
                case '{' -> sb.append("%7B");
                case '|' -> sb.append("%7C");
                case '}' -> sb.append("%7D");
                case '\t', '\n', '\r' -> {}
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
