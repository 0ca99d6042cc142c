package org.citelens.extract;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.citelens.model.Author;

/** Whether two author lists share a person: same surname and first initial, ignoring case and accents. */
public final class SelfCitations {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}]+");

    private SelfCitations() {}

    /** Keys "surname|initial" of the authors that have a surname and an initial. */
    public static Set<String> keys(List<Author> authors) {
        Set<String> keys = new HashSet<>();
        for (Author a : authors) {
            String key = key(a);
            if (key != null) keys.add(key);
        }
        return keys;
    }

    public static boolean shareAuthor(Set<String> citingKeys, List<Author> cited) {
        if (citingKeys.isEmpty()) return false;
        for (Author a : cited) {
            String key = key(a);
            if (key != null && citingKeys.contains(key)) return true;
        }
        return false;
    }

    private static String key(Author a) {
        String surname = fold(a.surname());
        String given = fold(a.givenNames());
        if (surname.isEmpty() || given.isEmpty()) return null;
        return surname + "|" + given.charAt(0);
    }

    private static String fold(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        return NON_LETTERS.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
