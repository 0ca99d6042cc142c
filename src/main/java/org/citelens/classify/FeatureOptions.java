package org.citelens.classify;

import java.util.Locale;

/**
 * The switches that decide which features {@link FeatureExtractor} emits. A model is trained with one setting and
 * must be scored with the same one (a feature it learnt but is not given scores as absent), so the setting is part
 * of {@link TrainingOptions} and saved in the model file.
 *
 * @param trigrams word trigrams of the masked sentence besides unigrams and bigrams
 * @param charGrams character n-grams of lengths 3 to this around the target marker; 0 for none
 * @param charWindow characters each side of the target marker that character n-grams are taken from
 */
public record FeatureOptions(boolean trigrams, int charGrams, int charWindow) {
    public static final FeatureOptions DEFAULTS = new FeatureOptions(false, 0, 60);

    public FeatureOptions {
        if (charGrams != 0 && (charGrams < 3 || charGrams > 10)) {
            throw new IllegalArgumentException(
                    "character n-grams go up to 3 to 10 characters (0 for none), not " + charGrams);
        }
        if (charWindow < 1)
            throw new IllegalArgumentException("the character window must be at least 1, not " + charWindow);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "trigrams=%s, char n-grams=%d (window %d)", trigrams, charGrams, charWindow);
    }
}
