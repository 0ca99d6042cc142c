package org.citelens.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.citelens.classify.CitationClassifier;
import org.citelens.classify.StatementLines;

/**
 * {@code classify --input FILE.jsonl --output FILE.jsonl [--model FILE]}: labels every line; {@code -} is standard
 * input or output. A bad line gets an "error" field and the run goes on.
 */
public final class ClassifyCommand implements Command {
    private static final long REPORT_EVERY_NANOS = 2_000_000_000L;
    /** Lines labelled together: the transformer scores a block in length-sorted batches. */
    private static final int BLOCK = 256;

    @Override
    public String name() {
        return "classify";
    }

    @Override
    public String summary() {
        return "label statements in a JSON Lines file (--input FILE.jsonl|- --output FILE.jsonl|- [--model FILE|DIR] [--labeller fast])";
    }

    @Override
    public int run(Args args) throws Exception {
        args.allowOnly(Set.of("input", "output", "model", "labeller"));
        String input = args.require("input");
        String output = args.require("output");
        if (!input.equals("-") && !Files.isRegularFile(Path.of(input))) throw new UsageException("no such input file: " + input);
        CitationClassifier classifier = Labellers.choose(args);
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
            List<String> block = new ArrayList<>(BLOCK);
            long lineNumber = 0;
            boolean more = true;
            while (more) {
                String line = in.readLine();
                more = line != null;
                if (more && !line.isBlank()) block.add(line);
                if (block.size() < BLOCK && more) continue;
                for (StatementLines.Outcome o : lines.classifyAll(block, lineNumber + 1)) {
                    out.write(o.json());
                    out.newLine();
                    if (o.ok()) done++;
                    else errors++;
                }
                lineNumber += block.size();
                block.clear();
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
