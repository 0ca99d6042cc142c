package org.citelens.parse.jats;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.citelens.model.Author;
import org.jsoup.nodes.Element;

/**
 * The display text of an element-citation, which carries fields without the punctuation between them:
 * "Azma M, Mohamed MS. Improvement of medium composition… Biochem Eng J. 2011;53(2):187–195. doi:10.1016/…",
 * in the Vancouver order PMC itself renders. A mixed-citation is shown as written instead.
 */
final class CitationText {
    private CitationText() {}

    static String of(Element citation, List<Author> authors, String title, String doi) {
        List<String> parts = new ArrayList<>();
        StringJoiner names = new StringJoiner(", ");
        for (Author a : authors) names.add(a.givenNames().isEmpty() ? a.surname() : a.surname() + " " + a.givenNames());
        if (names.length() > 0) parts.add(names.toString());
        if (title != null) parts.add(title);
        String source = JatsText.ofFirst(citation, "source");
        if (source != null && !source.equals(title)) parts.add(source);
        String publisher = publisher(citation);
        if (publisher != null) parts.add(publisher);
        String issue = issueDetails(citation);
        if (issue != null) parts.add(issue);
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            if (out.length() > 0) out.append(' ');
            out.append(p);
            char last = p.charAt(p.length() - 1);
            if (last != '.' && last != '?' && last != '!') out.append('.');
        }
        // no full stop after the DOI: it would read as part of it
        if (doi != null) out.append(out.length() > 0 ? " " : "").append("doi:").append(doi);
        return out.length() > 0 ? out.toString() : JatsText.of(citation);
    }

    private static String publisher(Element citation) {
        String loc = JatsText.ofFirst(citation, "publisher-loc");
        String name = JatsText.ofFirst(citation, "publisher-name");
        if (name == null) return null;
        return loc == null ? name : loc + ": " + name;
    }

    /** "2011;53(2):187–195" from year, volume, issue and pages, whichever are given. */
    private static String issueDetails(Element citation) {
        String year = JatsText.ofFirst(citation, "year");
        String volume = JatsText.ofFirst(citation, "volume");
        String issue = JatsText.ofFirst(citation, "issue");
        String first = JatsText.ofFirst(citation, "fpage");
        String last = JatsText.ofFirst(citation, "lpage");
        String pages =
                first == null ? JatsText.ofFirst(citation, "elocation-id") : last == null ? first : first + "–" + last;
        StringBuilder sb = new StringBuilder();
        if (year != null) sb.append(year);
        if (volume != null) sb.append(sb.length() > 0 ? ";" : "").append(volume);
        if (issue != null) sb.append('(').append(issue).append(')');
        if (pages != null) sb.append(sb.length() > 0 ? ":" : "").append(pages);
        return sb.length() > 0 ? sb.toString() : null;
    }
}
