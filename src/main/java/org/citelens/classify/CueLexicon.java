package org.citelens.classify;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds cue phrases in a token sequence. A phrase is a space-separated token list; a token ending in {@code *}
 * matches any token with that prefix ("confirm*" matches confirms, confirmed, confirmation).
 */
public final class CueLexicon {
    /** One cue found: its kind and the token span [start, end). */
    public record Match(Cue cue, int start, int end) {}

    private record Phrase(Cue cue, String[] tokens) {}

    private final Map<String, List<Phrase>> byFirstToken = new HashMap<>();
    /** Prefix phrases ("confirm*") by the first three letters of their first token, so a token checks only a few. */
    private final Map<String, List<Phrase>> byStem = new HashMap<>();

    private static final int STEM = 3;

    public static final CueLexicon DEFAULT = new CueLexicon(defaults());

    public CueLexicon(Map<Cue, List<String>> phrases) {
        phrases.forEach((cue, list) -> {
            for (String p : list) {
                Phrase phrase = new Phrase(cue, p.split(" "));
                if (phrase.tokens[0].endsWith("*")) {
                    if (phrase.tokens[0].length() < STEM + 1)
                        throw new IllegalArgumentException("prefix too short: " + p);
                    byStem.computeIfAbsent(phrase.tokens[0].substring(0, STEM), k -> new ArrayList<>())
                            .add(phrase);
                } else
                    byFirstToken
                            .computeIfAbsent(phrase.tokens[0], k -> new ArrayList<>())
                            .add(phrase);
            }
        });
    }

    public List<Match> find(List<String> tokens) {
        List<Match> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            List<Phrase> candidates = byFirstToken.get(tokens.get(i));
            if (candidates != null) {
                for (Phrase p : candidates) matchAt(p, tokens, i, out);
            }
            String tok = tokens.get(i);
            List<Phrase> stemmed = tok.length() >= STEM ? byStem.get(tok.substring(0, STEM)) : null;
            if (stemmed != null) {
                for (Phrase p : stemmed) matchAt(p, tokens, i, out);
            }
            if (tokens.get(i).endsWith("n't")) out.add(new Match(Cue.NEGATION, i, i + 1));
        }
        return out;
    }

    private static void matchAt(Phrase p, List<String> tokens, int i, List<Match> out) {
        if (i + p.tokens.length > tokens.size()) return;
        for (int k = 0; k < p.tokens.length; k++) {
            String want = p.tokens[k];
            String have = tokens.get(i + k);
            boolean ok = want.endsWith("*") ? have.startsWith(want.substring(0, want.length() - 1)) : have.equals(want);
            if (!ok) return;
        }
        out.add(new Match(p.cue, i, i + p.tokens.length));
    }

    private static Map<Cue, List<String>> defaults() {
        // EnumMap: Map.of iterates in an order that changes from one JVM run to the next.
        return new EnumMap<>(Map.of(
                Cue.OWN,
                        List.of(
                                "we found",
                                "we find",
                                "we observed",
                                "we observe",
                                "we show*",
                                "we report*",
                                "we demonstrat*",
                                "we did",
                                "we also",
                                "we were",
                                "we saw",
                                "we noted",
                                "we detected",
                                "our result*",
                                "our finding*",
                                "our data",
                                "our study",
                                "our trial",
                                "our analys*",
                                "our observation*",
                                "our sample",
                                "our cohort",
                                "our patients",
                                "our series",
                                "our experiment*",
                                "our model",
                                "our method",
                                "our system",
                                "our approach",
                                "our work",
                                "our",
                                "this study",
                                "this trial",
                                "the present",
                                "the current",
                                "present study",
                                "current study",
                                "in this",
                                "these result*",
                                "these finding*",
                                "this finding",
                                "these data",
                                "here"),
                Cue.AGREE,
                        List.of(
                                "consistent with",
                                "in agreement with",
                                "in line with",
                                "agree*",
                                "confirm*",
                                "similar*",
                                "corroborat*",
                                "replicat*",
                                "in accordance with",
                                "accordance",
                                "support*",
                                "concordant",
                                "in keeping with",
                                "as reported",
                                "as observed",
                                "as shown",
                                "as in",
                                "also found",
                                "also reported",
                                "also observed",
                                "also shown",
                                "likewise",
                                "parallel*",
                                "echo*",
                                "mirror*",
                                "reproduc*",
                                "resembl*",
                                "coincid*",
                                "congruent",
                                "match*",
                                "same",
                                "consistently",
                                "in concert with",
                                "extend*",
                                "strengthen*",
                                "comparable",
                                "verif*",
                                "validat*",
                                "reinforc*"),
                Cue.CONTRAST,
                        List.of(
                                "in contrast",
                                "contrast*",
                                "contrary",
                                "unlike",
                                "differ*",
                                "different",
                                "inconsistent",
                                "disagree*",
                                "contradict*",
                                "conflict*",
                                "oppos*",
                                "did not find",
                                "fail*",
                                "whereas",
                                "discrepan*",
                                "at odds",
                                "as opposed to",
                                "dissimilar",
                                "refut*",
                                "challeng*",
                                "not observed",
                                "not found",
                                "not confirm*",
                                "not replicat*",
                                "not support*",
                                "not consistent",
                                "not in agreement",
                                "not similar",
                                "no difference",
                                "no effect",
                                "no significant",
                                "not significant*",
                                "not shown",
                                "did not",
                                "could not",
                                "outperform*",
                                "improv*",
                                "instead",
                                "rather than",
                                "limitation*"),
                Cue.NEGATION,
                        List.of(
                                "not", "no", "nor", "neither", "never", "without", "unable", "lack*", "cannot",
                                "absence"),
                Cue.HEDGE,
                        List.of(
                                "may",
                                "might",
                                "could",
                                "possibl*",
                                "perhaps",
                                "suggest*",
                                "likely",
                                "unlikely",
                                "appear*",
                                "seem*",
                                "potential*",
                                "speculat*",
                                "hypothes*",
                                "presumabl*",
                                "probabl*"),
                Cue.CONNECTIVE,
                        List.of(
                                "however",
                                "but",
                                "although",
                                "though",
                                "while",
                                "whereas",
                                "yet",
                                "nevertheless",
                                "nonetheless",
                                "despite",
                                "in spite of",
                                "on the other hand",
                                "conversely"),
                Cue.PRIOR,
                        List.of(
                                "previous*",
                                "prior",
                                "earlier",
                                "other studies",
                                "other investigators",
                                "other authors",
                                "literature",
                                "reported",
                                "have shown",
                                "has been",
                                "have been",
                                "studies",
                                "recent*",
                                "others"),
                Cue.USE,
                        List.of(
                                "as described",
                                "as previously described",
                                "according to",
                                "using",
                                "was used",
                                "were used",
                                "was performed",
                                "were performed",
                                "performed as",
                                "following",
                                "adapted from",
                                "modified",
                                "we used",
                                "we use",
                                "we follow*",
                                "was measured",
                                "were measured",
                                "was calculated",
                                "was assessed",
                                "protocol*",
                                "method*",
                                "procedure*",
                                "algorithm*",
                                "implement*",
                                "software",
                                "kit",
                                "assay*",
                                "scale",
                                "questionnaire",
                                "criteria",
                                "defined",
                                "guideline*"),
                Cue.COMPARE,
                        List.of(
                                "higher than",
                                "lower than",
                                "greater than",
                                "less than",
                                "more than",
                                "smaller than",
                                "larger than",
                                "better than",
                                "worse than",
                                "compared",
                                "comparison",
                                "comparable to",
                                "than",
                                "versus")));
    }
}
