package org.citelens.classify.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citelens.classify.ClassifierInput;
import org.citelens.classify.Classifiers;
import org.citelens.classify.EarlyExit;
import org.citelens.classify.EncoderBatch;
import org.citelens.classify.EncoderTokenizer;
import org.citelens.classify.LabelledData;
import org.citelens.classify.LabelledStatement;
import org.citelens.classify.LayeredClassifier;
import org.citelens.classify.TransformerInput;
import org.citelens.classify.TransformerInputBuilder;
import org.citelens.classify.UnlabelledStatement;
import org.citelens.cli.ExportedStatements;
import org.citelens.testdata.RepositoryFiles;

/**
 * The Java half of the early-exit measurement (src/main/python/transformer/early_exit.py has the rest): runs the
 * shipped int8 graph, with a middle layer's output exposed as "hidden" by {@code early_exit.py expose}, over every
 * annotated and clinical row and over the bundled corpus's statements that pass the section rule and the fast screen,
 * and writes one JSON line per statement with its logits and the mean-pooled hidden layer. Inputs, caps (96 tokens,
 * sentence 64) and batches of 8 in length order are the run time's. docs/classifier.md ("What was tried", the early
 * exit) has the command and the figures.
 *
 * <p>Arguments: the exposed graph, the corpus statements as {@code export --format jsonl} writes them, the output file.
 */
public final class EarlyExitFeatures {
    private static final int BATCH = 8;

    private record Statement(Map<String, Object> fields, ClassifierInput input) {}

    public static void main(String[] args) throws IOException, OrtException {
        if (args.length != 3) {
            System.err.println("usage: EarlyExitFeatures EXPOSED.onnx CORPUS_EXPORT.jsonl OUT.jsonl");
            System.exit(2);
        }
        LayeredClassifier layered = (LayeredClassifier) Classifiers.named(Classifiers.DEFAULT, 1);
        List<Statement> statements = new ArrayList<>();
        for (String set : new String[] {"annotations/citelens.tsv", "datasets/clinical.tsv"}) {
            for (LabelledStatement r : LabelledData.read(RepositoryFiles.dataRoot().resolve(set))) {
                statements.add(new Statement(fields(r.id(), r.dataset(), r.split(), r.label().name(),
                        layered.reachesTransformer(r.input())), r.input()));
            }
        }
        for (UnlabelledStatement u : ExportedStatements.read(Path.of(args[1]))) {
            ClassifierInput in = u.input();
            if (layered.reachesTransformer(in)) {
                statements.add(new Statement(fields("", "corpus", "corpus", "", true), in));
            }
        }
        List<TransformerInput> encoded = new ArrayList<>();
        try (EncoderTokenizer tokenizer = EncoderTokenizer.load()) {
            TransformerInputBuilder builder = new TransformerInputBuilder(tokenizer, 96, 64);
            for (Statement s : statements) encoded.add(builder.build(s.input()));
        }
        Integer[] order = new Integer[encoded.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingInt(i -> encoded.get(i).length()));
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        ObjectMapper json = new ObjectMapper();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            try (OrtSession session = env.createSession(args[0], options)) {
                for (int from = 0; from < order.length; from += BATCH) {
                    run(env, session, encoded, order, from, Math.min(order.length, from + BATCH), statements);
                }
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8))) {
            for (Statement s : statements) w.println(json.writeValueAsString(s.fields()));
        }
        System.err.printf("EarlyExitFeatures: %d statements written to %s%n", statements.size(), args[2]);
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

    private static void run(OrtEnvironment env, OrtSession session, List<TransformerInput> encoded, Integer[] order,
            int from, int to, List<Statement> statements) throws OrtException {
        int rows = to - from;
        EncoderBatch b = EncoderBatch.of(encoded, order, from, to);
        int width = b.width();
        try (OrtSession.Result result = b.run(env, session)) {
            float[][] logits = (float[][]) result.get("logits").orElseThrow().getValue();
            OnnxTensor hidden = (OnnxTensor) result.get("hidden").orElseThrow(
                    () -> new IllegalArgumentException("the graph has no 'hidden' output: write it with early_exit.py expose"));
            FloatBuffer h = hidden.getFloatBuffer();
            int dim = (int) hidden.getInfo().getShape()[2];
            for (int r = 0; r < rows; r++) {
                int len = encoded.get(order[from + r]).length();
                float[] states = new float[len * dim];
                h.get(r * width * dim, states);
                Map<String, Object> fields = statements.get(order[from + r]).fields();
                fields.put("logits", new float[] {logits[r][0], logits[r][1], logits[r][2]});
                fields.put("pooled", EarlyExit.meanPool(states, dim));
            }
        }
    }
}
