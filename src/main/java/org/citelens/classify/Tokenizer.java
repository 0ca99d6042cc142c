package org.citelens.classify;

import java.util.ArrayList;
import java.util.List;

/** Lower-cased word tokens; digits collapse to one token so that doses and p-values do not flood the vocabulary. */
public final class Tokenizer {
    public static final String NUMBER = "<num>";

    private Tokenizer() {}

    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>(text.length() / 5 + 4);
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                int start = i;
                while (i < n
                        && (Character.isLetterOrDigit(text.charAt(i))
                                || (text.charAt(i) == '\'' || text.charAt(i) == '\u2019')
                                        && i + 1 < n
                                        && text.charAt(i + 1) == 't')) {
                    i++;
                }
                out.add(text.substring(start, i)
                        .toLowerCase(java.util.Locale.ROOT)
                        .replace('\u2019', '\''));
            } else if (Character.isDigit(c)) {
                while (i < n
                        && (Character.isLetterOrDigit(text.charAt(i))
                                || text.charAt(i) == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1)))) {
                    i++;
                }
                out.add(NUMBER);
            } else {
                i++;
            }
        }
        return out;
    }
}
