package org.citelens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citelens.classify.CitationClassifier;
import org.citelens.classify.ClassifierInput;
import org.citelens.classify.Classifiers;
import org.citelens.classify.LabelledStatement;
import org.citelens.classify.LayerFeatures;
import org.citelens.classify.LayeredClassifier;
import org.citelens.classify.UnlabelledStatement;
import org.citelens.ingest.IngestProgress;

/**
 * {@code exit-features --model DIR --exposed FILE.onnx --data FILES --statements EXPORT.jsonl --out FILE.jsonl}: what
 * {@code early_exit.py probe} fits an early exit on (docs/classifier.md, "Early exit"). For every labelled row, and
 * for every exported corpus statement that the model folder's section rule and fast screen send to its transformer,
 * one JSON line: id, dataset, split, gold label, whether it reaches the transformer, the model's logits and the
 * mean-pooled states of the layer {@code early_exit.py expose} wrote into {@code --exposed}. Run-time inputs, caps
 * and batches, so the probe learns the states it will meet.
 */
public final class ExitFeaturesCommand implements Command {
    @Override
    public String name() {
        return "exit-features";
    }

    @Override
    public String summary() {
        return "write a middle layer's pooled states for fitting an early exit (--model DIR --exposed FILE.onnx"
                + " --data FILES --statements EXPORT.jsonl --out FILE.jsonl)";
    }

    @Override
    public int run(Args args) throws Exception {
        args.allowOnly(Set.of("model", "exposed", "data", "statements", "out"));
        Path model = args.requirePath("model");
        Path exposed = args.requirePath("exposed");
        Path statements = args.requirePath("statements");
        Path out = args.requirePath("out");
        String data = args.require("data");
        if (!Files.isDirectory(model)) throw new UsageException("--model " + model + ": not a transformer model folder");
        if (!Files.isRegularFile(exposed)) throw new UsageException("--exposed " + exposed + ": no such file");
        if (!Files.isRegularFile(statements)) throw new UsageException("--statements " + statements + ": no such file");
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UsageException("the folder of --out does not exist: " + parent);
        }
        CitationClassifier loaded = Classifiers.load(model, 1);
        if (!(loaded instanceof LayeredClassifier layered)) {
            throw new UsageException("--model " + model + " is not a transformer model folder");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<ClassifierInput> inputs = new ArrayList<>();
        try (var transformer = layered.transformer()) {
            for (LabelledStatement r : LabelledInput.read(data)) {
                rows.add(fields(r.id(), r.dataset(), r.split(), r.label().name(), layered.reachesTransformer(r.input())));
                inputs.add(r.input());
            }
            int labelled = rows.size();
            for (UnlabelledStatement u : ExportedStatements.read(statements)) {
                if (layered.reachesTransformer(u.input())) {
                    rows.add(fields(u.id(), "corpus", "corpus", "", true));
                    inputs.add(u.input());
                }
            }
            long start = System.nanoTime();
            List<LayerFeatures.Row> scored;
            try (LayerFeatures features = open(exposed, transformer.settings());
                    IngestProgress progress = new IngestProgress(System.err, "exit-features", "score", "statements",
                            inputs.size(), System.console() != null, () -> 0)) {
                scored = features.score(inputs, n -> {
                    progress.done.set(n);
                    progress.statements.set(n);
                });
            }
            ObjectMapper json = new ObjectMapper();
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
                for (int i = 0; i < rows.size(); i++) {
                    Map<String, Object> row = rows.get(i);
                    row.put("logits", scored.get(i).logits());
                    row.put("pooled", scored.get(i).pooled());
                    w.println(json.writeValueAsString(row));
                }
            }
            System.err.printf("exit-features: %d labelled rows and %d corpus statements past the screen written to %s"
                            + " in %.1f s%n", labelled, rows.size() - labelled, out, (System.nanoTime() - start) / 1e9);
        }
        return 0;
    }

    private static LayerFeatures open(Path exposed, org.citelens.classify.TransformerSettings settings) {
        try {
            return new LayerFeatures(exposed, settings);
        } catch (ai.onnxruntime.OrtException e) {
            throw new CommandFailedException("--exposed " + exposed + " is not an ONNX graph onnxruntime can load: "
                    + e.getMessage().replaceAll("\\s+", " "));
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(e.getMessage());
        }
    }

    private static Map<String, Object> fields(String id, String dataset, String split, String gold, boolean reaches) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("dataset", dataset);
        m.put("split", split);
        m.put("gold", gold);
        m.put("reaches", reaches);
        return m;
    }
}
