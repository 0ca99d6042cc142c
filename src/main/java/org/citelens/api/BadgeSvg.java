package org.citelens.api;

import org.citelens.index.Tallies;

/**
 * The static badge of a work's tallies, shields.io-like: "citelens" then supporting, mentioning and contrasting
 * counts in their label colours. Text widths are estimated (no font metrics on a server); the SVG scales anyway.
 */
final class BadgeSvg {
    private static final String SUPPORTING = "#1a9a5a";
    private static final String MENTIONING = "#5c6f82";
    private static final String CONTRASTING = "#d9480f";
    private static final String LABEL = "#2f5bea";

    private BadgeSvg() {}

    static String of(Tallies t) {
        return render(new String[][] {
            {"citelens", LABEL},
            {t.supporting() + " supporting", SUPPORTING},
            {t.mentioning() + " mentioning", MENTIONING},
            {t.contrasting() + " contrasting", CONTRASTING}
        }, "Citelens: " + t.supporting() + " supporting, " + t.mentioning() + " mentioning, " + t.contrasting()
                + " contrasting citation statements");
    }

    /** A badge for a DOI nothing in the index cites: still an image, so a page embedding it does not break. */
    static String notIndexed() {
        return render(new String[][] {{"citelens", LABEL}, {"not indexed", "#9aa5b1"}},
                "Citelens: no citation statements indexed for this work");
    }

    private static String render(String[][] parts, String title) {
        int[] widths = new int[parts.length];
        int total = 0;
        for (int i = 0; i < parts.length; i++) {
            widths[i] = textWidth(parts[i][0]) + 12;
            total += widths[i];
        }
        StringBuilder svg = new StringBuilder(1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(total)
                .append("\" height=\"20\" role=\"img\" aria-label=\"").append(escape(title)).append("\">")
                .append("<title>").append(escape(title)).append("</title>")
                .append("<clipPath id=\"r\"><rect width=\"").append(total)
                .append("\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath><g clip-path=\"url(#r)\">");
        int x = 0;
        for (int i = 0; i < parts.length; i++) {
            svg.append("<rect x=\"").append(x).append("\" width=\"").append(widths[i])
                    .append("\" height=\"20\" fill=\"").append(parts[i][1]).append("\"/>");
            x += widths[i];
        }
        svg.append("</g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,DejaVu Sans,sans-serif\""
                + " font-size=\"11\">");
        x = 0;
        for (int i = 0; i < parts.length; i++) {
            svg.append("<text x=\"").append(x + widths[i] / 2).append("\" y=\"14\">")
                    .append(escape(parts[i][0])).append("</text>");
            x += widths[i];
        }
        return svg.append("</g></svg>").toString();
    }

    /** About 6.5 px per character of 11 px Verdana; digits and lower case dominate. */
    private static int textWidth(String s) {
        return (int) Math.ceil(s.length() * 6.5);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
