package org.citelens.classify;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.citelens.model.Label;
import org.citelens.model.SectionType;

/**
 * The trained classifier: a linear model over named sparse features, its calibration and its decision rule.
 * Immutable and thread-safe.
 */
public final class ClassifierModel implements CitationClassifier {
    /**
     * How often a Methods or Introduction statement is mentioning, by hand checks in the bundled corpus: of 70
     * Methods statements (40 at random, 30 the model gave below 0.5) 69 were and one was arguable, of 80
     * Introduction statements (40 at random, 40 the model called supporting or contrasting) 79 were and one was
     * arguable; (69 + 1) / (70 + 2) and (79 + 1) / (80 + 2), rounded down. docs/classifier.md lists them.
     */
    static final double SECTION_RULE_PRECISION = 0.97;

    private final String[] features;
    private final float[] weights;
    private final byte[] multiplicity;
    private final double[] bias;
    private final boolean normalize;
    private final List<String> domains;
    private final String defaultDomain;
    private final Calibrator calibrator;
    private final DecisionRule rule;
    private final String description;
    private final FeatureOptions featureOptions;
    private final FeatureExtractor extractor;
    private final Map<String, Integer> index;
    private final String name;

    /**
     * @param features feature names; feature i has weights {@code weights[i*3 .. i*3+2]} in {@link Labels} order
     * @param multiplicity how many training columns each feature stands for (2 after {@link DomainFolding} merged a
     *                     feature with its domain copy), or null for all 1: it keeps the unit-length scaling
     * @param bias intercept per label
     * @param normalize whether a statement's binary feature vector is scaled to unit length
     * @param domains the datasets trained with their own feature copies; {@code defaultDomain} is used for
     *                statements of unknown origin (ingest, classify); empty when the model has no domain features
     * @param description how it was trained (data, options), printed by {@code evaluate}
     * @param featureOptions the feature switches it was trained with, and is scored with
     */
    public ClassifierModel(
            String[] features,
            float[] weights,
            byte[] multiplicity,
            double[] bias,
            boolean normalize,
            List<String> domains,
            String defaultDomain,
            Calibrator calibrator,
            DecisionRule rule,
            String description,
            FeatureOptions featureOptions) {
        if (weights.length != features.length * Labels.COUNT) {
            throw new IllegalArgumentException("weights must hold " + Labels.COUNT + " values per feature");
        }
        this.features = features.clone();
        this.weights = weights.clone();
        if (multiplicity != null && multiplicity.length != features.length) {
            throw new IllegalArgumentException("one multiplicity per feature");
        }
        this.multiplicity = multiplicity == null ? null : multiplicity.clone();
        this.bias = bias.clone();
        this.normalize = normalize;
        this.domains = List.copyOf(domains);
        this.defaultDomain = defaultDomain == null ? "" : defaultDomain;
        this.calibrator = calibrator;
        this.rule = rule;
        this.description = description;
        this.featureOptions = featureOptions;
        this.extractor = FeatureExtractor.of(featureOptions);
        this.index = new HashMap<>(features.length * 2);
        for (int i = 0; i < features.length; i++) index.put(features[i], i);
        this.name = "linear-" + fingerprint(this.weights, this.bias);
    }

    /** A name that changes whenever the weights do, so statements say which linear model labelled them. */
    private static String fingerprint(float[] weights, double[] bias) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(8);
        for (float w : weights)
            crc.update(buf.clear().putInt(Float.floatToIntBits(w)).flip());
        for (double b : bias)
            crc.update(buf.clear().putLong(Double.doubleToLongBits(b)).flip());
        return String.format("%08x", crc.getValue());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Prediction classify(ClassifierInput input) {
        return predict(input, defaultDomain);
    }

    /** Predicts as if the statement came from the given dataset (falls back to the default domain). */
    public Prediction predict(ClassifierInput input, String domain) {
        double[] p = probabilities(input, domain);
        // Methods and Introduction sections present no new results of the citing authors, so by the definitions they
        // neither support nor contrast; the training sentences (all from Discussion sections) cannot teach that.
        // Without this rule "verified by PCR as described by [12]" and, in an introduction, "this has been confirmed
        // by another study [12]" come out supporting. The scores stay the model's.
        boolean background = input.section() == SectionType.METHODS || input.section() == SectionType.INTRODUCTION;
        Label label = background ? Label.MENTIONING : rule.decide(p);
        Map<Label, Double> scores = new EnumMap<>(Label.class);
        for (int c = 0; c < Labels.COUNT; c++) scores.put(Labels.label(c), p[c]);
        // The model's probability of mentioning is no confidence for the rule's answer: it never saw such a
        // sentence, and gave "performed according to our previous description [12]" 0.01. The rule's own
        // precision, checked by hand, is.
        double modelConfidence = p[Labels.index(label)];
        return new Prediction(
                label, background ? Math.max(modelConfidence, SECTION_RULE_PRECISION) : modelConfidence, scores);
    }

    public double[] probabilities(ClassifierInput input, String domain) {
        return calibrator.probabilities(decisionValues(input, domain));
    }

    public double[] decisionValues(ClassifierInput input, String domain) {
        String d = domains.isEmpty() ? "" : domains.contains(domain) ? domain : defaultDomain;
        List<String> names = extractor.features(input, d);
        int[] idx = new int[names.size()];
        int n = 0;
        for (String name : names) {
            Integer i = index.get(name);
            if (i != null) idx[n++] = i;
        }
        Arrays.sort(idx, 0, n);
        int unique = 0;
        int columns = 0;
        for (int k = 0; k < n; k++) {
            if (unique == 0 || idx[unique - 1] != idx[k]) {
                idx[unique++] = idx[k];
                columns += multiplicity == null ? 1 : multiplicity[idx[k]];
            }
        }
        return LinearScorer.score(weights, bias, idx, unique, LinearScorer.value(columns, normalize));
    }

    public String[] features() {
        return features.clone();
    }

    public float[] weights() {
        return weights.clone();
    }

    /** Training columns per feature (all 1 when the model was never folded). */
    public byte[] multiplicity() {
        if (multiplicity != null) return multiplicity.clone();
        byte[] ones = new byte[features.length];
        java.util.Arrays.fill(ones, (byte) 1);
        return ones;
    }

    public double[] bias() {
        return bias.clone();
    }

    public boolean normalize() {
        return normalize;
    }

    public List<String> domains() {
        return domains;
    }

    public String defaultDomain() {
        return defaultDomain;
    }

    public Calibrator calibrator() {
        return calibrator;
    }

    public DecisionRule rule() {
        return rule;
    }

    public String description() {
        return description;
    }

    public FeatureOptions featureOptions() {
        return featureOptions;
    }

    public int featureCount() {
        return features.length;
    }
}
