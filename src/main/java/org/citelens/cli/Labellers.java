package org.citelens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.citelens.classify.CitationClassifier;
import org.citelens.classify.Classifiers;

/** The {@code --model FILE|DIR} and {@code --labeller transformer|fast} flags, shared by the commands that label. */
final class Labellers {
    private Labellers() {}

    /** One ONNX intra-op thread per call: the commands label on several threads of their own. */
    static CitationClassifier choose(Args args) throws Exception {
        if (args.has("model") && args.has("labeller")) throw new UsageException("give --model or --labeller, not both");
        if (args.has("model")) {
            Path model = args.requirePath("model");
            if (!Files.exists(model)) throw new UsageException("no such model file or folder: " + model);
            return Classifiers.load(model, 1);
        }
        String labeller = args.get("labeller", Classifiers.DEFAULT);
        if (!labeller.equals(Classifiers.DEFAULT) && !labeller.equals(Classifiers.FAST)) {
            throw new UsageException("--labeller takes transformer or fast, not '" + labeller + "'");
        }
        return Classifiers.named(labeller, 1);
    }
}
