package org.citelens.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where ingest and the CLI get their labellers from. */
public final class Classifiers {
    /** The classpath resource holding the shipped fast (linear) model (built by {@code train}, see docs/classifier.md). */
    public static final String SHIPPED_RESOURCE = "/org/citelens/classify/model.bin.gz";
    /**
     * The shipped transformer: its ONNX graph cut at the early exit (layers up to the exit, and the rest) and the
     * settings it must be run with, probe included; a model without an exit ships as one graph instead.
     */
    public static final String TRANSFORMER_LOWER = "/org/citelens/classify/transformer/lower.onnx";

    public static final String TRANSFORMER_UPPER = "/org/citelens/classify/transformer/upper.onnx";
    public static final String TRANSFORMER_MODEL = "/org/citelens/classify/transformer/model.onnx";

    public static final String TRANSFORMER_SETTINGS = "/org/citelens/classify/transformer/settings.json";
    /** The labeller names the CLI accepts for {@code --labeller}. */
    public static final String DEFAULT = "transformer";

    public static final String FAST = "fast";

    private Classifiers() {}

    /** The shipped fast model, loaded once per JVM. */
    public static CitationClassifier shipped() {
        return shippedModel();
    }

    /** The shipped fast model with its training details, for evaluate and classify. */
    public static ClassifierModel shippedModel() {
        if (Shipped.MODEL == null) throw new IllegalStateException(Shipped.ERROR);
        return Shipped.MODEL;
    }

    /**
     * A labeller by name: {@code transformer} (the default: section rule, fast screen, transformer) or {@code fast}
     * (the linear model alone).
     */
    public static CitationClassifier named(String labeller, int threads) {
        return switch (labeller) {
            case DEFAULT -> layered(shippedTransformer(threads));
            case FAST -> shippedModel();
            default ->
                throw new IllegalArgumentException("unknown labeller '" + labeller + "': expected transformer or fast");
        };
    }

    /**
     * A labeller from a file or folder: a folder with {@code model.onnx} (or, for an early exit, {@code lower.onnx} and
     * {@code upper.onnx}) and {@code settings.json} is a transformer
     * (run behind the shipped section rule and fast screen); any other file is a fast model written by {@code train}.
     */
    public static CitationClassifier load(Path path, int threads) throws IOException {
        if (Files.isDirectory(path)) {
            Path onnx = path.resolve("model.onnx");
            Path lower = path.resolve("lower.onnx");
            Path upper = path.resolve("upper.onnx");
            Path settings = path.resolve("settings.json");
            boolean whole = Files.isRegularFile(onnx);
            boolean split = Files.isRegularFile(lower) && Files.isRegularFile(upper);
            if (!(whole || split) || !Files.isRegularFile(settings)) {
                throw new IOException(path + " holds no transformer model (model.onnx, or lower.onnx and upper.onnx"
                        + " for an early exit, and settings.json)");
            }
            try (InputStream in = Files.newInputStream(settings)) {
                TransformerSettings s = TransformerSettings.read(in);
                return layered(whole
                        ? new TransformerClassifier(Files.readAllBytes(onnx), s, threads)
                        : new TransformerClassifier(Files.readAllBytes(lower), Files.readAllBytes(upper), s, threads));
            }
        }
        if (!Files.isRegularFile(path)) throw new IOException("no such model file or folder: " + path);
        return ModelFile.read(path);
    }

    /**
     * The name of the default labeller's model, read from the shipped settings alone (no model is loaded): what
     * /health reports as current. The fast model's name when no transformer ships.
     */
    public static String defaultModelName() {
        try (InputStream settings = Classifiers.class.getResourceAsStream(TRANSFORMER_SETTINGS)) {
            return settings == null
                    ? shippedModel().name()
                    : TransformerSettings.read(settings).name();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TRANSFORMER_SETTINGS, e);
        }
    }

    /** The shipped transformer with its own sessions; callers keep and close it. */
    public static TransformerClassifier shippedTransformer(int threads) {
        try (InputStream settings = Classifiers.class.getResourceAsStream(TRANSFORMER_SETTINGS)) {
            byte[] lower = resource(TRANSFORMER_LOWER);
            byte[] upper = resource(TRANSFORMER_UPPER);
            byte[] whole = lower == null ? resource(TRANSFORMER_MODEL) : null;
            if (settings == null || (lower == null || upper == null) && whole == null) {
                throw new IllegalStateException("the shipped transformer (" + TRANSFORMER_LOWER + " and "
                        + TRANSFORMER_UPPER + ", or " + TRANSFORMER_MODEL + ", with " + TRANSFORMER_SETTINGS
                        + ") is missing from the classpath; rebuild it with `./run.sh train-transformer`"
                        + " (docs/classifier.md) and repackage, or use --labeller fast");
            }
            TransformerSettings s = TransformerSettings.read(settings);
            return whole != null
                    ? new TransformerClassifier(whole, s, threads)
                    : new TransformerClassifier(lower, upper, s, threads);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped transformer", e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = Classifiers.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static LayeredClassifier layered(TransformerClassifier transformer) {
        return new LayeredClassifier(
                shippedModel(),
                transformer,
                transformer.settings().screenThreshold(),
                transformer.settings().screenCues().stream().map(Cue::valueOf).toList());
    }

    /** Loaded on first use by the JVM's class initialisation, which is thread-safe and happens once. */
    private static final class Shipped {
        private static final String ERROR;
        private static final ClassifierModel MODEL;

        static {
            ClassifierModel model = null;
            String error = null;
            try (InputStream in = Classifiers.class.getResourceAsStream(SHIPPED_RESOURCE)) {
                if (in == null) {
                    error = "the shipped classifier model " + SHIPPED_RESOURCE
                            + " is missing from the classpath; rebuild "
                            + "it with `java -jar target/citelens.jar train --data ... --model src/main/resources"
                            + SHIPPED_RESOURCE + "` (see docs/classifier.md) and repackage";
                } else {
                    model = ModelFile.read(in, "classpath:" + SHIPPED_RESOURCE);
                }
            } catch (IOException | RuntimeException e) {
                error = "cannot read the shipped classifier model " + SHIPPED_RESOURCE + ": " + e.getMessage();
            }
            MODEL = model;
            ERROR = error;
        }
    }
}
