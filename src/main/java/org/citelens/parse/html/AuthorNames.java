package org.citelens.parse.html;

import java.util.regex.Pattern;
import org.citelens.model.Author;

/** Splits an author name as meta tags and reference lists write it ("Smith, John", "John Smith", "Smith JA"). */
final class AuthorNames {
    private static final Pattern INITIALS = Pattern.compile("\\p{Lu}{1,3}|(\\p{Lu}\\.\\s?-?){1,3}");

    private AuthorNames() {}

    static Author parse(String raw) {
        String name = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        int comma = name.indexOf(',');
        if (comma > 0) return new Author(name.substring(0, comma), name.substring(comma + 1));
        int space = name.lastIndexOf(' ');
        if (space < 0) return new Author(name, "");
        String last = name.substring(space + 1);
        if (INITIALS.matcher(last).matches()) return new Author(name.substring(0, space), last);
        return new Author(last, name.substring(0, space));
    }
}
