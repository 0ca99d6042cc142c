package org.citelens.classify;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Turns one statement into sparse binary feature names: n-grams of the masked sentence, words around the target
 * marker, cue phrases with their negation, distance to the target and combinations, and cues of the sentences
 * before and after. With a domain, every feature is emitted twice, plain and prefixed with the domain (feature
 * augmentation after Daum&eacute; 2007), so that what is shared across sets and what is peculiar to one are
 * learnt apart.
 */
public final class FeatureExtractor {
    private static final int NEAR = 6;
    private static final int WINDOW = 3;

    public static final FeatureExtractor DEFAULT = new FeatureExtractor(CueLexicon.DEFAULT, FeatureOptions.DEFAULTS);

    private final CueLexicon lexicon;
    private final FeatureOptions options;

    public FeatureExtractor(CueLexicon lexicon, FeatureOptions options) {
        this.lexicon = lexicon;
        this.options = options;
    }

    /** The default lexicon with these switches. */
    public static FeatureExtractor of(FeatureOptions options) {
        return options.equals(FeatureOptions.DEFAULTS) ? DEFAULT : new FeatureExtractor(CueLexicon.DEFAULT, options);
    }

    public List<String> features(ClassifierInput input, String domain) {
        List<String> f = new ArrayList<>(160);
        String masked = MarkerMasker.mask(input);
        List<String> tokens = Tokenizer.tokens(masked);
        ngrams(tokens, f);
        if (options.charGrams() > 0) charGrams(masked, f);
        targetWindow(tokens, f);
        cues(tokens, "", f);
        if (!input.before().isBlank()) cues(Tokenizer.tokens(MarkerMasker.mask(context(input.before()))), "ctxb:", f);
        if (!input.after().isBlank()) cues(Tokenizer.tokens(MarkerMasker.mask(context(input.after()))), "ctxa:", f);
        if (domain == null || domain.isEmpty()) return f;
        int n = f.size();
        String prefix = domain + "|";
        for (int i = 0; i < n; i++) f.add(prefix.concat(f.get(i)));
        return f;
    }

    private static ClassifierInput context(String sentence) {
        return new ClassifierInput("", sentence, "", "", List.of());
    }

    private void ngrams(List<String> t, List<String> f) {
        String prev2 = "<s>";
        String prev = "<s>";
        for (String tok : t) {
            f.add("u:".concat(tok));
            f.add("b:" + prev + "_" + tok);
            if (options.trigrams()) f.add("t:" + prev2 + "_" + prev + "_" + tok);
            prev2 = prev;
            prev = tok;
        }
        f.add("b:" + prev + "_</s>");
    }

    /** Character n-grams (3 to charGrams) of the lower-cased masked text within charWindow chars of the target. */
    private void charGrams(String masked, List<String> f) {
        String s = masked.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[0-9]+", "0")
                .replaceAll("\\s+", " ");
        int t = s.indexOf("tgtcit");
        int from = t < 0 ? 0 : Math.max(0, t - options.charWindow());
        int to = t < 0 ? s.length() : Math.min(s.length(), t + 6 + options.charWindow());
        String w = " " + s.substring(from, to) + " ";
        for (int n = 3; n <= options.charGrams(); n++) {
            for (int i = 0; i + n <= w.length(); i++) f.add("c:".concat(w.substring(i, i + n)));
        }
    }

    private static void targetWindow(List<String> t, List<String> f) {
        int targets = 0;
        int others = 0;
        for (int i = 0; i < t.size(); i++) {
            String tok = t.get(i);
            if (tok.equals("othcit")) others++;
            if (!tok.equals("tgtcit")) continue;
            targets++;
            for (int d = 1; d <= WINDOW; d++) {
                if (i - d >= 0) f.add("w-" + d + ":" + t.get(i - d));
                if (i + d < t.size()) f.add("w+" + d + ":" + t.get(i + d));
            }
            if (i <= 1) f.add("tgt:start");
            if (i >= t.size() - 2) f.add("tgt:end");
        }
        f.add("ncit:" + Math.min(3, targets + others));
        if (targets == 0) f.add("tgt:none");
        f.add("len:" + Math.min(6, t.size() / 10));
    }

    private void cues(List<String> t, String prefix, List<String> f) {
        List<CueLexicon.Match> matches = lexicon.find(t);
        Set<Cue> present = EnumSet.noneOf(Cue.class);
        int target = t.indexOf("tgtcit");
        for (CueLexicon.Match m : matches) {
            Cue cue = m.cue();
            if (cue == Cue.AGREE && negated(matches, m)) {
                cue = Cue.CONTRAST;
                f.add(prefix + "cue:neg_agree");
            }
            present.add(cue);
            if (target >= 0) {
                int dist = m.start() > target ? m.start() - target : target - m.end() + 1;
                String side = m.start() > target ? ":after_tgt" : ":before_tgt";
                f.add(prefix + "cue:" + cue + side);
                if (dist <= NEAR) f.add(prefix + "cue:" + cue + ":near");
            }
        }
        for (Cue c : present) f.add(prefix + "cue:" + c);
        if (present.contains(Cue.OWN)) {
            for (Cue c : present) {
                if (c != Cue.OWN) f.add(prefix + "cue:OWN+" + c);
            }
        }
        if (present.contains(Cue.AGREE) && present.contains(Cue.CONTRAST)) f.add(prefix + "cue:AGREE+CONTRAST");
        if (present.contains(Cue.HEDGE) && present.contains(Cue.AGREE)) f.add(prefix + "cue:HEDGE+AGREE");
        if (present.contains(Cue.PRIOR) && present.contains(Cue.COMPARE)) f.add(prefix + "cue:PRIOR+COMPARE");
    }

    /** A negation at most three tokens before an agreement cue, or inside it, reverses it. */
    private static boolean negated(List<CueLexicon.Match> matches, CueLexicon.Match agree) {
        for (CueLexicon.Match m : matches) {
            if (m.cue() == Cue.NEGATION && m.start() < agree.end() && m.start() >= agree.start() - 3) return true;
        }
        return false;
    }
}
