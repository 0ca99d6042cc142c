package org.citelens.index;

/**
 * Finds a statement's own marker in its sentence. Statements carry the marker text but not its offset, and
 * short numeric markers ("2") also occur inside other numbers ("12", "2.5"), so an occurrence standing on its
 * own (not inside a longer word or number) is preferred over the first raw occurrence.
 */
final class MarkerLocator {
    private MarkerLocator() {}

    /** {start, end} of the marker in the sentence, or null when it is absent. */
    static int[] find(String sentence, String marker) {
        if (marker == null || marker.isBlank()) return null;
        int first = -1;
        for (int i = sentence.indexOf(marker); i >= 0; i = sentence.indexOf(marker, i + 1)) {
            if (first < 0) first = i;
            int end = i + marker.length();
            if (standsAlone(sentence, i, end, marker)) return new int[] {i, end};
        }
        return first < 0 ? null : new int[] {first, first + marker.length()};
    }

    private static boolean standsAlone(String s, int start, int end, String marker) {
        return !joinsLeft(s, start, marker.charAt(0)) && !joinsRight(s, end, marker.charAt(marker.length() - 1));
    }

    /** Whether the character before the marker continues its first character's word or number. */
    private static boolean joinsLeft(String s, int start, char first) {
        if (start == 0) return false;
        char c = s.charAt(start - 1);
        if (Character.isLetter(first)) return Character.isLetter(c);
        if (!Character.isDigit(first)) return false;
        // "2.12" continues a number; "reported.12" is a superscript marker after a full stop
        return Character.isDigit(c) || (c == '.' && start >= 2 && Character.isDigit(s.charAt(start - 2)));
    }

    private static boolean joinsRight(String s, int end, char last) {
        if (end == s.length()) return false;
        char c = s.charAt(end);
        if (Character.isLetter(last)) return Character.isLetter(c);
        if (!Character.isDigit(last)) return false;
        return Character.isDigit(c) || (c == '.' && end + 1 < s.length() && Character.isDigit(s.charAt(end + 1)));
    }
}
