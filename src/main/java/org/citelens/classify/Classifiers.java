package org.citelens.classify;

import java.io.IOException;
import java.io.InputStream;

/** Where ingest and the CLI get their classifier from. */
public final class Classifiers {
    /** The classpath resource holding the shipped model (built by {@code train}, see docs/classifier.md). */
    public static final String SHIPPED_RESOURCE = "/org/citelens/classify/model.bin.gz";

    private Classifiers() {}

    /**
     * The model shipped inside the jar, loaded once per JVM (the first call reads it, about 0.2 s; later
     * calls return the same instance). Callers should still keep the instance rather than call this per statement.
     *
     * @throws IllegalStateException naming the resource and how to rebuild it when the jar lacks the model
     */
    public static CitationClassifier shipped() {
        return shippedModel();
    }

    /** The shipped model with its training details, for evaluate and classify. */
    public static ClassifierModel shippedModel() {
        if (Shipped.MODEL == null) throw new IllegalStateException(Shipped.ERROR);
        return Shipped.MODEL;
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
                    error = "the shipped classifier model " + SHIPPED_RESOURCE + " is missing from the classpath; rebuild "
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
