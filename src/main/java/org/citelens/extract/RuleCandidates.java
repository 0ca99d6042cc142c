package org.citelens.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Proposes a sentence start after every full stop, question or exclamation mark (and any closing quotes or
 * brackets after it) followed by a space and something that can open a sentence. The statistical model misses
 * boundaries after "Fig. 4." and "[2]." in our corpus; the vetoes in {@link BoundaryRules} remove the false ones.
 */
final class RuleCandidates {
    private RuleCandidates() {}

    static List<Integer> starts(String text) {
        List<Integer> out = new ArrayList<>();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c != '.' && c != '?' && c != '!') continue;
            int j = i + 1;
            while (j < n && "\"'”’)]".indexOf(text.charAt(j)) >= 0) j++;
            if (j >= n || text.charAt(j) != ' ') continue;
            int k = j;
            while (k < n && text.charAt(k) == ' ') k++;
            if (k < n
                    && (opens(text.charAt(k))
                            || !BoundaryRules.startsLowercaseWord(text, k) && Character.isLowerCase(text.charAt(k))))
                out.add(k); // "tFA was", "mRNA levels"
        }
        return out;
    }

    private static boolean opens(char c) {
        return Character.isUpperCase(c)
                || Character.isDigit(c)
                || c == '('
                || c == '['
                || c == '“'
                || c == '"'
                || c == '‘'
                || Character.isLetter(c) && !Character.isLowerCase(c);
    }
}
