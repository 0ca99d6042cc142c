package org.citelens.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.citelens.classify.CitationClassifier;
import org.citelens.classify.Classifiers;
import org.citelens.classify.ModelFile;
import org.citelens.classify.StatementLines;

/**
 * {@code classify --input FILE.jsonl --output FILE.jsonl [--model FILE]}: labels every line; {@code -} is standard
 * input or output. A bad line gets an "error" field and the run goes on.
 */
public final class ClassifyCommand implements Command {
    private static final long REPORT_EVERY_NANOS = 2_000_000_000L;

    @Override
    public String name() {
        return "classify";
    }

    @Override
    public String summary() {
        return "label statements in a JSON Lines file (--input FILE.jsonl|- --output FILE.jsonl|- [--model FILE])";
    }

    @Override
    public int run(Args args) throws Exception {
        args.allowOnly(Set.of("input", "output", "model"));
        String input = args.require("input");
        String output = args.require("output");
        if (!input.equals("-") && !Files.isRegularFile(Path.of(input))) throw new UsageException("no such input file: " + input);
        CitationClassifier classifier = args.has("model") ? ModelFile.read(args.requirePath("model")) : Classifiers.shipped();
        StatementLines lines = new StatementLines(classifier);
        long start = System.nanoTime();
        long lastReport = start;
        long done = 0;
        long errors = 0;
        try (BufferedReader in = input.equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
                BufferedWriter out = output.equals("-")
                        ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                        : Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) continue;
                StatementLines.Outcome o = lines.classify(line, done + errors + 1);
                out.write(o.json());
                out.newLine();
                if (o.ok()) done++;
                else errors++;
                long now = System.nanoTime();
                if (now - lastReport > REPORT_EVERY_NANOS) {
                    lastReport = now;
                    System.err.printf("classify: %d lines, %d errors, %.0f lines/s%n", done + errors, errors,
                            (done + errors) / ((now - start) / 1e9));
                }
            }
        }
        System.err.printf("classify: done: %d statements labelled, %d lines with errors, %.1f s%n", done, errors,
                (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
