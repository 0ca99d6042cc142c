package org.citelens.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.citelens.model.CitationMention;

/** The hand-checked sentence cases of {@code sentences/tricky-sentences.tsv}, decoded. */
record TrickySentences(
        String file, String text, List<CitationMention> markers, List<String> expected, List<Integer> boundaries) {

    @Override
    public String toString() {
        return file + ": " + (text.length() > 70 ? text.substring(0, 70) + "…" : text);
    }

    static List<TrickySentences> load() throws IOException {
        try (InputStream in = TrickySentences.class.getResourceAsStream("/sentences/tricky-sentences.tsv")) {
            List<TrickySentences> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t", 2);
                out.add(decode(cols[0], cols[1]));
            }
            return out;
        }
    }

    /** "A [{2}]. ‖ B": text "A [2]. B", a marker "2", the boundary before "B". */
    static TrickySentences decode(String file, String excerpt) {
        StringBuilder text = new StringBuilder();
        List<CitationMention> markers = new ArrayList<>();
        List<Integer> boundaries = new ArrayList<>();
        int markerStart = -1;
        for (int i = 0; i < excerpt.length(); i++) {
            char c = excerpt.charAt(i);
            if (c == '{') {
                markerStart = text.length();
            } else if (c == '}') {
                markers.add(new CitationMention(markerStart, text.length(), text.substring(markerStart), List.of("x")));
            } else if (c == '‖' && i + 1 < excerpt.length() && excerpt.charAt(i + 1) == ' ') {
                boundaries.add(text.length());
                i++;
            } else {
                text.append(c);
            }
        }
        List<String> expected = new ArrayList<>();
        int from = 0;
        for (int b : boundaries) {
            expected.add(text.substring(from, b).strip());
            from = b;
        }
        expected.add(text.substring(from).strip());
        return new TrickySentences(file, text.toString(), markers, expected, boundaries);
    }
}
