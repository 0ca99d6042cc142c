package org.citelens.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.citelens.classify.CitationClassifier;
import org.citelens.classify.StatementLines;

/**
 * {@code classify --input FILE.jsonl --output FILE.jsonl [--model FILE|DIR] [--labeller transformer|fast]}: labels every line; {@code -} is standard
 * input or output. A bad line gets an "error" field and the run goes on; input that is not text at all (a binary
 * file, another encoding than UTF-8) stops the run with one line naming the file and line, and no output is left.
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
        if (!input.equals("-") && !Files.isRegularFile(Path.of(input)))
            throw new UsageException("no such input file: " + input);
        CitationClassifier classifier = Labellers.choose(args);
        StatementLines lines = new StatementLines(classifier);
        long start = System.nanoTime();
        long lastReport = start;
        long done = 0;
        long errors = 0;
        try {
            try (BufferedReader in = input.equals("-")
                            ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                            : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
                    BufferedWriter out = output.equals("-")
                            ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                            : Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8)) {
                List<String> block = new ArrayList<>(BLOCK);
                long lineNo = 0;
                long labelled = 0;
                boolean more = true;
                while (more) {
                    String line = readLine(in, input, ++lineNo);
                    more = line != null;
                    if (more && line.indexOf('\u0000') >= 0) {
                        throw new CommandFailedException(
                                input + " is a binary file (NUL byte on line " + lineNo + "), not UTF-8 JSON Lines");
                    }
                    if (more && !line.isBlank()) block.add(line);
                    if (block.size() < BLOCK && more) continue;
                    for (StatementLines.Outcome o : lines.classifyAll(block, labelled + 1)) {
                        out.write(o.json());
                        out.newLine();
                        if (o.ok()) done++;
                        else errors++;
                    }
                    labelled += block.size();
                    block.clear();
                    long now = System.nanoTime();
                    if (now - lastReport > REPORT_EVERY_NANOS) {
                        lastReport = now;
                        System.err.printf(
                                "classify: %d lines, %d errors, %.0f lines/s%n",
                                done + errors, errors, (done + errors) / ((now - start) / 1e9));
                    }
                }
            }
        } catch (CommandFailedException e) {
            if (!output.equals("-")) Files.deleteIfExists(Path.of(output));
            throw e;
        }
        System.err.printf(
                "classify: done: %d statements labelled, %d lines with errors, %.1f s%n",
                done, errors, (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /** The next line, or a one-line failure naming the file and line when the bytes are not UTF-8. */
    private static String readLine(BufferedReader in, String input, long lineNumber) throws java.io.IOException {
        try {
            return in.readLine();
        } catch (CharacterCodingException e) {
            throw new CommandFailedException(input + " line " + lineNumber + " is not UTF-8 text (a binary file or "
                    + "another encoding); classify reads UTF-8 JSON Lines (convert with e.g. iconv -t UTF-8)");
        }
    }
}
