package org.citelens.cli;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.citelens.classify.EncoderTokenizer;
import org.citelens.classify.LabelledStatement;
import org.citelens.classify.TransformerInputBuilder;
import org.citelens.classify.TransformerSettings;
import org.citelens.classify.TransformerTrainingData;

/**
 * {@code transformer-data --data FILE.tsv[,...] --out FILE.jsonl [--max-tokens N] [--sentence-tokens N]}: the
 * encoder inputs of labelled statements, for the transformer trainer (src/main/python/transformer/train.py).
 */
public final class TransformerDataCommand implements Command {
    @Override
    public String name() {
        return "transformer-data";
    }

    @Override
    public String summary() {
        return "write labelled statements as encoder inputs for the transformer trainer (--data FILES --out FILE.jsonl)";
    }

    @Override
    public int run(Args args) throws Exception {
        args.allowOnly(Set.of("data", "out", "max-tokens", "sentence-tokens"));
        String data = args.require("data");
        Path out = args.requirePath("out");
        if (out.toAbsolutePath().getParent() != null
                && !Files.isDirectory(out.toAbsolutePath().getParent())) {
            throw new UsageException("the folder of --out does not exist: "
                    + out.toAbsolutePath().getParent());
        }
        int maxTokens = args.getInt("max-tokens", TransformerSettings.DEFAULT_MAX_TOKENS);
        int sentenceTokens = args.getInt("sentence-tokens", TransformerSettings.DEFAULT_SENTENCE_TOKENS);
        List<LabelledStatement> rows = LabelledInput.read(data);
        long start = System.nanoTime();
        try (EncoderTokenizer tokenizer = EncoderTokenizer.load();
                Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            int n = TransformerTrainingData.write(
                    rows, new TransformerInputBuilder(tokenizer, maxTokens, sentenceTokens), w);
            System.err.printf(
                    "transformer-data: %d rows from %s written to %s (max %d tokens, sentence %d) in %.1f s%n",
                    n, data, out, maxTokens, sentenceTokens, (System.nanoTime() - start) / 1e9);
        }
        return 0;
    }
}
