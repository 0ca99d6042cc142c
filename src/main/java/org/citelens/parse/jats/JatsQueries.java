package org.citelens.parse.jats;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The CSS queries the JATS readers run, compiled once. {@code Element.select(String)} re-parses its query on every
 * call ({@code select(q)} is exactly {@code select(QueryParser.parse(q))}), which was a fifth of the JATS parse time
 * when run per reference and per field. Evaluators are immutable and thread-safe, so constants are shared.
 */
final class JatsQueries {
    static final Evaluator ARTICLE = QueryParser.parse("article");
    static final Evaluator CHILD_BACK = QueryParser.parse("> back");
    static final Evaluator CHILD_BODY = QueryParser.parse("> body");
    static final Evaluator CHILD_FLOATS = QueryParser.parse("> floats-group");
    static final Evaluator CHILD_LABEL = QueryParser.parse("> label");
    static final Evaluator CHILD_TITLE = QueryParser.parse("> title");
    static final Evaluator REFS = QueryParser.parse("ref-list ref");
    static final Evaluator CITATIONS = QueryParser.parse("element-citation, mixed-citation, nlm-citation, citation");
    static final Evaluator AUTHOR_GROUPS = QueryParser.parse("person-group[person-group-type=author]");
    static final Evaluator CHILD_FRONT = QueryParser.parse("> front");
    static final Evaluator ARTICLE_META = QueryParser.parse("article-meta");
    static final Evaluator CHILD_ARTICLE_ID = QueryParser.parse("> article-id");
    static final Evaluator ARTICLE_TITLE = QueryParser.parse("title-group > article-title");
    static final Evaluator CONTRIBS = QueryParser.parse("contrib-group > contrib");
    static final Evaluator NAME = QueryParser.parse("name, string-name");
    static final Evaluator COLLAB = QueryParser.parse("collab");
    static final Evaluator JOURNAL_META = QueryParser.parse("journal-meta");
    static final Evaluator JOURNAL_ID = QueryParser.parse("journal-id");
    static final Evaluator CHILD_PUB_DATE = QueryParser.parse("> pub-date");
    static final Evaluator YEAR = QueryParser.parse("year");
    static final Evaluator DATE_IN_CITATION = QueryParser.parse("date-in-citation");

    /** Single-tag queries of {@link JatsText#ofFirst}: the fields of references and metadata. */
    private static final Map<String, Evaluator> TAGS = List.of("source", "volume", "article-title", "chapter-title",
            "data-title", "part-title", "fpage", "lpage", "page-range", "elocation-id", "surname", "given-names",
            "journal-title").stream().collect(Collectors.toUnmodifiableMap(Function.identity(), QueryParser::parse));

    private JatsQueries() {}

    /** The compiled query for one tag name; a tag not listed above is compiled on the spot. */
    static Evaluator tag(String tag) {
        Evaluator e = TAGS.get(tag);
        return e != null ? e : QueryParser.parse(tag);
    }
}
