package org.citelens.cli;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.citelens.classify.CitationClassifier;
import org.citelens.classify.Classifiers;
import org.citelens.classify.EncoderTokenizer;
import org.citelens.classify.LabelledStatement;
import org.citelens.classify.LayeredClassifier;
import org.citelens.classify.TransformerInputBuilder;
import org.citelens.classify.TransformerSettings;
import org.citelens.classify.TransformerTrainingData;
import org.citelens.classify.UnlabelledStatement;

/**
 * {@code transformer-data --data FILE.tsv[,...] --out FILE.jsonl [--max-tokens N] [--sentence-tokens N]
 * [--teacher shipped|DIR [--statements EXPORT.jsonl]]}: the encoder inputs of labelled statements, for the
 * transformer trainer (src/main/python/transformer/train.py). With a teacher, each training row also carries the
 * teacher's logits, and {@code --statements} adds unlabelled statements (an {@code export --format jsonl} file) for
 * distillation: those the teacher's layered labeller would send to its transformer, outside every article that has
 * a dev or test row, and not themselves labelled, so no held-out article's text reaches training.
 */
public final class TransformerDataCommand implements Command {
    @Override
    public String name() {
        return "transformer-data";
    }

    @Override
    public String summary() {
        return "write labelled statements as encoder inputs for the transformer trainer (--data FILES --out FILE.jsonl"
                + " [--teacher shipped|DIR [--statements EXPORT.jsonl]])";
    }

    @Override
    public int run(Args args) throws Exception {
        args.allowOnly(Set.of("data", "out", "max-tokens", "sentence-tokens", "teacher", "statements"));
        String data = args.require("data");
        Path out = args.requirePath("out");
        if (out.toAbsolutePath().getParent() != null
                && !Files.isDirectory(out.toAbsolutePath().getParent())) {
            throw new UsageException("the folder of --out does not exist: "
                    + out.toAbsolutePath().getParent());
        }
        int maxTokens = args.getInt("max-tokens", TransformerSettings.DEFAULT_MAX_TOKENS);
        int sentenceTokens = args.getInt("sentence-tokens", TransformerSettings.DEFAULT_SENTENCE_TOKENS);
        if (args.has("statements") && !args.has("teacher")) {
            throw new UsageException("--statements needs --teacher: unlabelled statements are learnt from its scores");
        }
        Path statements = args.has("statements") ? args.requirePath("statements") : null;
        if (statements != null && !Files.isRegularFile(statements)) {
            throw new UsageException("--statements " + statements + ": no such file");
        }
        List<LabelledStatement> rows = LabelledInput.read(data);
        // read before the output is opened, so a bad statements file leaves no half-written output behind
        List<UnlabelledStatement> unlabelled = statements == null ? List.of() : ExportedStatements.read(statements);
        LayeredClassifier teacher = args.has("teacher") ? teacher(args.get("teacher")) : null;
        long start = System.nanoTime();
        try (EncoderTokenizer tokenizer = EncoderTokenizer.load();
                Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            TransformerTrainingData writer = new TransformerTrainingData(
                    new TransformerInputBuilder(tokenizer, maxTokens, sentenceTokens),
                    teacher == null ? null : teacher.transformer());
            int n = writer.write(rows, w);
            System.err.printf(
                    "transformer-data: %d rows from %s written to %s (max %d tokens, sentence %d%s) in %.1f s%n",
                    n, data, out, maxTokens, sentenceTokens,
                    teacher == null ? "" : "; teacher " + teacher.name(), (System.nanoTime() - start) / 1e9);
            if (statements != null) {
                List<UnlabelledStatement> kept = distillable(unlabelled, rows, teacher);
                int u = writer.writeUnlabelled("corpus", kept, w);
                System.err.printf("transformer-data: %d unlabelled statements of %s added for distillation in %.1f s%n",
                        u, statements, (System.nanoTime() - start) / 1e9);
            }
        } finally {
            if (teacher != null) teacher.transformer().close();
        }
        return 0;
    }

    private static LayeredClassifier teacher(String which) throws Exception {
        CitationClassifier c = which.equals("shipped")
                ? Classifiers.named(Classifiers.DEFAULT, 1)
                : Classifiers.load(Path.of(which), 1);
        if (!(c instanceof LayeredClassifier layered)) {
            throw new UsageException("--teacher takes shipped or a transformer model folder, not " + which);
        }
        return layered;
    }

    /**
     * The statements a student would meet at run time, minus labelled ones and held-out articles, in id order: an
     * export lists them in index order, which varies between ingests, and the trainer's batches depend on row order.
     */
    private static List<UnlabelledStatement> distillable(
            List<UnlabelledStatement> all, List<LabelledStatement> labelled, LayeredClassifier teacher) {
        Set<String> labelledIds = new HashSet<>();
        Set<String> heldOutArticles = new HashSet<>();
        for (LabelledStatement r : labelled) {
            labelledIds.add(r.id());
            if (!"train".equals(r.split())) heldOutArticles.add(r.citingPaper());
        }
        List<UnlabelledStatement> out = new ArrayList<>();
        for (UnlabelledStatement s : all) {
            if (!labelledIds.contains(s.id())
                    && !heldOutArticles.contains(s.citingPaper())
                    && teacher.reachesTransformer(s.input())) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparing(UnlabelledStatement::id));
        return out;
    }
}
