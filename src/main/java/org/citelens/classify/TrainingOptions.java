package org.citelens.classify;

import java.util.Arrays;
import java.util.Locale;

/**
 * Everything that decides a model besides the data.
 *
 * @param c liblinear's inverse regularisation strength
 * @param classWeights loss weight per label in {@link Labels} order, against imbalance
 * @param minCount a feature must occur in at least this many training rows
 * @param normalize scale each binary vector to unit length
 * @param domainFeatures add per-dataset copies of every feature (feature augmentation)
 * @param defaultDomain the dataset whose feature copies apply to statements of unknown origin, and whose rows
 *                      calibrate the probabilities and choose the thresholds
 * @param folds folds of the grouped cross-validation (outer report and inner calibration)
 * @param precisionTarget the precision a rare label's threshold must reach on out-of-fold predictions
 * @param nbAlpha 0 for plain one-vs-rest logistic regression; above 0, each label's binary problem sees its features
 *                scaled by their naive Bayes log-count ratio (NBSVM, Wang &amp; Manning 2012) smoothed with this count
 * @param features which features are extracted; saved in the model, which is scored with the same
 */
public record TrainingOptions(
        double c,
        double[] classWeights,
        int minCount,
        boolean normalize,
        boolean domainFeatures,
        String defaultDomain,
        int folds,
        long seed,
        double precisionTarget,
        double nbAlpha,
        FeatureOptions features) {

    public TrainingOptions {
        if (features == null) throw new IllegalArgumentException("feature options must be given");
    }

    public static TrainingOptions defaults() {
        return new TrainingOptions(
                2, new double[] {2, 3, 1}, 2, true, true, "clinical", 5, 20240611L, 0.78, 0.5, FeatureOptions.DEFAULTS);
    }

    public TrainingOptions withNbAlpha(double alpha) {
        return new TrainingOptions(
                c,
                classWeights,
                minCount,
                normalize,
                domainFeatures,
                defaultDomain,
                folds,
                seed,
                precisionTarget,
                alpha,
                features);
    }

    public TrainingOptions withSeed(long s) {
        return new TrainingOptions(
                c,
                classWeights,
                minCount,
                normalize,
                domainFeatures,
                defaultDomain,
                folds,
                s,
                precisionTarget,
                nbAlpha,
                features);
    }

    public TrainingOptions withC(double newC) {
        return new TrainingOptions(
                newC,
                classWeights,
                minCount,
                normalize,
                domainFeatures,
                defaultDomain,
                folds,
                seed,
                precisionTarget,
                nbAlpha,
                features);
    }

    public TrainingOptions withClassWeights(double[] w) {
        return new TrainingOptions(
                c,
                w,
                minCount,
                normalize,
                domainFeatures,
                defaultDomain,
                folds,
                seed,
                precisionTarget,
                nbAlpha,
                features);
    }

    public TrainingOptions withDomainFeatures(boolean on) {
        return new TrainingOptions(
                c,
                classWeights,
                minCount,
                normalize,
                on,
                defaultDomain,
                folds,
                seed,
                precisionTarget,
                nbAlpha,
                features);
    }

    public TrainingOptions withNormalize(boolean on) {
        return new TrainingOptions(
                c,
                classWeights,
                minCount,
                on,
                domainFeatures,
                defaultDomain,
                folds,
                seed,
                precisionTarget,
                nbAlpha,
                features);
    }

    public TrainingOptions withDefaultDomain(String domain) {
        return new TrainingOptions(
                c,
                classWeights,
                minCount,
                normalize,
                domainFeatures,
                domain,
                folds,
                seed,
                precisionTarget,
                nbAlpha,
                features);
    }

    public TrainingOptions withPrecisionTarget(double p) {
        return new TrainingOptions(
                c, classWeights, minCount, normalize, domainFeatures, defaultDomain, folds, seed, p, nbAlpha, features);
    }

    public TrainingOptions withFolds(int k) {
        return new TrainingOptions(
                c,
                classWeights,
                minCount,
                normalize,
                domainFeatures,
                defaultDomain,
                k,
                seed,
                precisionTarget,
                nbAlpha,
                features);
    }

    public TrainingOptions withFeatures(FeatureOptions f) {
        return new TrainingOptions(
                c,
                classWeights,
                minCount,
                normalize,
                domainFeatures,
                defaultDomain,
                folds,
                seed,
                precisionTarget,
                nbAlpha,
                f);
    }

    /** The defaults' feature switches are left out, so a model trained with them keeps its description. */
    @Override
    public String toString() {
        return String.format(
                        Locale.ROOT,
                        "L2 logistic regression%s C=%s, class weights %s (supporting, contrasting, mentioning), min count %d, "
                                + "normalize=%s, domain features=%s (default domain %s), %d grouped folds, seed %d, "
                                + "precision target %.2f",
                        nbAlpha > 0 ? " on NBSVM-scaled features (alpha " + nbAlpha + ")" : "",
                        c,
                        Arrays.toString(classWeights),
                        minCount,
                        normalize,
                        domainFeatures,
                        defaultDomain,
                        folds,
                        seed,
                        precisionTarget)
                + (features.equals(FeatureOptions.DEFAULTS) ? "" : ", features " + features);
    }
}
