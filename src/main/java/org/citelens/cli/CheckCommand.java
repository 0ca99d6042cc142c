package org.citelens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.citelens.check.CheckCsv;
import org.citelens.check.CheckReport;
import org.citelens.check.LazyClassifier;
import org.citelens.check.Manuscript;
import org.citelens.check.ManuscriptException;
import org.citelens.check.ManuscriptReader;
import org.citelens.check.ReferenceChecker;
import org.citelens.index.LuceneStatementStore;
import org.citelens.resolve.PersistentWorksRegistry;
import org.citelens.resolve.WorksRegistries;

/**
 * {@code check --input FILE --index DIR [--format json|csv] [--labeller transformer|fast] [--model FILE|DIR]}: the
 * reference check of a manuscript (JATS, TEI, HTML or plain text) against an index, to standard output.
 */
public final class CheckCommand implements Command {
    @Override
    public String name() {
        return "check";
    }

    @Override
    public String summary() {
        return "check a manuscript's references against the index (--input FILE --index DIR [--format json|csv])";
    }

    @Override
    public int run(Args args) throws Exception {
        args.allowOnly(Set.of("input", "index", "format", "labeller", "model"));
        Path input = args.requirePath("input");
        Path index = args.requirePath("index");
        String format = args.get("format", "json").toLowerCase(Locale.ROOT);
        if (!format.equals("json") && !format.equals("csv")) {
            throw new UsageException("--format takes json or csv, not '" + args.get("format") + "'");
        }
        if (!Files.isRegularFile(input)) throw new UsageException("--input " + input + " is not a file");
        if (!Files.isDirectory(index)) throw new UsageException("no index at " + index + " (run ingest first)");
        if (args.has("model") && args.has("labeller")) throw new UsageException("give --model or --labeller, not both");
        long started = System.nanoTime();
        Manuscript manuscript;
        try {
            manuscript = new ManuscriptReader().read(Files.readAllBytes(input), input.getFileName().toString());
        } catch (ManuscriptException e) {
            throw new CommandFailedException(input + ": " + e.getMessage());
        }
        System.err.printf(
                "check: %s read as %s, %d references%n",
                input, manuscript.format(), manuscript.references().size());
        // loading the works registry of a large index takes seconds: say so rather than sit silent
        System.err.printf("check: opening %s (statements and works registry)%n", index);
        CheckReport report;
        try (LuceneStatementStore store = LuceneStatementStore.open(index);
                PersistentWorksRegistry works = WorksRegistries.openReadOnly(index)) {
            LazyClassifier classifier = new LazyClassifier(() -> {
                try {
                    return Labellers.choose(args);
                } catch (UsageException e) {
                    throw e;
                } catch (Exception e) {
                    throw new CommandFailedException("could not load the labeller: " + e.getMessage());
                }
            });
            report = new ReferenceChecker(works::match, store, classifier).check(manuscript);
        }
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        if (format.equals("csv")) {
            CheckCsv.write(report, out);
        } else {
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValue(out, report);
            out.write(System.lineSeparator());
            out.flush();
        }
        System.err.printf(
                "check done: %d references, %d resolved, %d unresolved, %d cited with contrasting statements in the"
                        + " index, in %.1f s%n",
                report.references(),
                report.resolved(),
                report.unresolved(),
                report.withContrasting(),
                (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
