package org.citelens.classify;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The model's file format: gzip over a versioned binary layout. Nothing in it depends on time or hash order, so
 * the same data and options give a byte-identical file (Java's gzip header carries no timestamp).
 *
 * <p>Format 3 adds the feature switches ({@link FeatureOptions}) after the description. A model trained with the
 * default switches is still written in format 2, which has no room for them and means the defaults: so the
 * shipped model, and any model trained before the switches were saved, keeps its bytes and loads as it did.
 */
public final class ModelFile {
    private static final int MAGIC = 0x43544c4d; // "CTLM"
    /** Feature switches are the defaults: every model written before format 3 existed. */
    private static final int DEFAULT_FEATURES_VERSION = 2;

    private static final int VERSION = 3;

    private ModelFile() {}

    public static void write(ClassifierModel m, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp)) {
            write(m, os);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    public static void write(ClassifierModel m, OutputStream os) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(os, 1 << 16);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
        boolean defaultFeatures = m.featureOptions().equals(FeatureOptions.DEFAULTS);
        out.writeInt(MAGIC);
        out.writeInt(defaultFeatures ? DEFAULT_FEATURES_VERSION : VERSION);
        out.writeUTF(m.description());
        if (!defaultFeatures) {
            out.writeBoolean(m.featureOptions().trigrams());
            out.writeInt(m.featureOptions().charGrams());
            out.writeInt(m.featureOptions().charWindow());
        }
        out.writeBoolean(m.normalize());
        out.writeUTF(m.defaultDomain());
        out.writeInt(m.domains().size());
        for (String d : m.domains()) out.writeUTF(d);
        for (double[] row : m.calibrator().a()) for (double v : row) out.writeDouble(v);
        for (double v : m.calibrator().b()) out.writeDouble(v);
        out.writeDouble(m.rule().supportingThreshold());
        out.writeDouble(m.rule().contrastingThreshold());
        for (double v : m.bias()) out.writeDouble(v);
        String[] features = m.features();
        float[] weights = m.weights();
        byte[] multiplicity = m.multiplicity();
        out.writeInt(features.length);
        for (int i = 0; i < features.length; i++) {
            out.writeUTF(features[i]);
            out.writeByte(multiplicity[i]);
            for (int c = 0; c < Labels.COUNT; c++) out.writeFloat(weights[i * Labels.COUNT + c]);
        }
        out.flush();
        gz.finish();
    }

    public static ClassifierModel read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("no model file at " + file);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    public static ClassifierModel read(InputStream raw, String source) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
        if (in.readInt() != MAGIC) throw new IOException(source + " is not a Citelens classifier model");
        int version = in.readInt();
        if (version != VERSION && version != DEFAULT_FEATURES_VERSION) {
            throw new IOException(source + " has model format " + version + "; this build reads "
                    + DEFAULT_FEATURES_VERSION + " and " + VERSION);
        }
        String description = in.readUTF();
        FeatureOptions featureOptions = FeatureOptions.DEFAULTS;
        if (version == VERSION) {
            try {
                featureOptions = new FeatureOptions(in.readBoolean(), in.readInt(), in.readInt());
            } catch (IllegalArgumentException e) {
                throw new IOException(source + " has unusable feature switches: " + e.getMessage());
            }
        }
        boolean normalize = in.readBoolean();
        String defaultDomain = in.readUTF();
        int nd = in.readInt();
        List<String> domains = new ArrayList<>();
        for (int i = 0; i < nd; i++) domains.add(in.readUTF());
        double[][] a = new double[Labels.COUNT][Labels.COUNT];
        for (double[] row : a) for (int j = 0; j < row.length; j++) row[j] = in.readDouble();
        double[] b = new double[Labels.COUNT];
        for (int j = 0; j < b.length; j++) b[j] = in.readDouble();
        DecisionRule rule = new DecisionRule(in.readDouble(), in.readDouble());
        double[] bias = new double[Labels.COUNT];
        for (int j = 0; j < bias.length; j++) bias[j] = in.readDouble();
        int n = in.readInt();
        String[] features = new String[n];
        float[] weights = new float[n * Labels.COUNT];
        byte[] multiplicity = new byte[n];
        for (int i = 0; i < n; i++) {
            features[i] = in.readUTF();
            multiplicity[i] = in.readByte();
            for (int c = 0; c < Labels.COUNT; c++) weights[i * Labels.COUNT + c] = in.readFloat();
        }
        if (version == DEFAULT_FEATURES_VERSION) requireDefaultFeatures(features, source);
        return new ClassifierModel(
                features,
                weights,
                multiplicity,
                bias,
                normalize,
                domains,
                defaultDomain,
                new Calibrator(a, b),
                rule,
                description,
                featureOptions);
    }

    /**
     * A format 2 file does not say which switches it was trained with; one written by a build that read them from
     * system properties may hold trigram ("t:") or character n-gram ("c:") features, which the defaults never emit
     * and which would silently score as absent.
     */
    private static void requireDefaultFeatures(String[] features, String source) throws IOException {
        for (String f : features) {
            int bar = f.indexOf('|');
            String name = bar < 0 ? f : f.substring(bar + 1);
            if (name.startsWith("t:") || name.startsWith("c:")) {
                throw new IOException(
                        source + " was trained with " + (name.startsWith("t:") ? "word trigrams" : "character n-grams")
                                + " (feature '" + f + "') in model format " + DEFAULT_FEATURES_VERSION
                                + ", which does not record "
                                + "feature switches; retrain it with `train` (--trigrams, --char-grams N) so the file records them");
            }
        }
    }
}
