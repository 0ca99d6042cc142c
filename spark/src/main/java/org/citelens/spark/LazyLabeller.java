package org.citelens.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import org.citelens.classify.CitationClassifier;
import org.citelens.classify.Classifiers;

/**
 * The labeller, named on the driver and loaded where it runs: broadcast, it is deserialised once per executor, whose
 * tasks then share the one loaded model (the transformer takes a second or two and some 100 MB to load, too much
 * per task). One ONNX thread per call, as the CLI's commands: Spark's task slots are the parallelism.
 *
 * @param model a model file or folder readable on every executor, or null for the named labeller
 */
final class LazyLabeller implements Serializable {
    private final String labeller;
    private final String model;
    private transient CitationClassifier classifier;

    LazyLabeller(String labeller, Path model) {
        this.labeller = labeller;
        this.model = model == null ? null : model.toAbsolutePath().toString();
    }

    synchronized CitationClassifier classifier() throws IOException {
        if (classifier == null) {
            classifier = model == null ? Classifiers.named(labeller, 1) : Classifiers.load(Path.of(model), 1);
        }
        return classifier;
    }
}
