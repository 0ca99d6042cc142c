package org.citelens.harvest;

import java.net.URI;

/**
 * The base URLs of the three sources. Each replaces exactly the public base, so a mirror or a replay server can
 * stand in: {@code --opencitations URL} for {@value #OPENCITATIONS}, {@code --europepmc URL} for
 * {@value #EUROPEPMC}, {@code --unpaywall URL} for {@value #UNPAYWALL}.
 */
public record SourceEndpoints(String opencitations, String europepmc, String unpaywall) {
    public static final String OPENCITATIONS = "https://api.opencitations.net";
    public static final String EUROPEPMC = "https://www.ebi.ac.uk/europepmc/webservices/rest";
    public static final String UNPAYWALL = "https://api.unpaywall.org";

    public SourceEndpoints {
        opencitations = checked("opencitations", opencitations);
        europepmc = checked("europepmc", europepmc);
        unpaywall = checked("unpaywall", unpaywall);
    }

    public static SourceEndpoints publicApis() {
        return new SourceEndpoints(OPENCITATIONS, EUROPEPMC, UNPAYWALL);
    }

    private static String checked(String flag, String url) {
        URI u;
        try {
            u = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + flag + " takes an http(s) URL, not '" + url + "'");
        }
        if (u.getHost() == null || !(("http".equals(u.getScheme())) || "https".equals(u.getScheme()))) {
            throw new IllegalArgumentException("--" + flag + " takes an http(s) URL, not '" + url + "'");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
