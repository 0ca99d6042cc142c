package org.citelens.cli;

import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import org.citelens.feedback.FeedbackExport;
import org.citelens.feedback.FeedbackLog;
import org.citelens.index.LuceneStatementStore;

/**
 * {@code feedback export --index DIR --out FILE.tsv}: readers' suggestions and curators' reviewed labels as training
 * data, in the TSV that {@code train --data} reads, each row with its statement's context from the index.
 */
public final class FeedbackCommand implements Command {
    @Override
    public String name() {
        return "feedback";
    }

    @Override
    public String summary() {
        return "export label feedback as training TSV (feedback export --index DIR --out FILE.tsv)";
    }

    @Override
    public int run(Args args) throws Exception {
        args.allowOnly(Set.of("index", "out"));
        if (args.positional().size() != 1 || !args.positional().get(0).equals("export")) {
            throw new UsageException("the only action is export: feedback export --index DIR --out FILE.tsv");
        }
        Path index = args.requirePath("index");
        Path out = args.requirePath("out");
        if (!Files.isDirectory(index)) throw new UsageException("--index " + index + " is not a folder");
        if (!out.getFileName().toString().endsWith(".tsv")) {
            throw new UsageException("--out " + out + ": the file name must end in .tsv (train --data reads it by its extension)");
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new UsageException("--out " + out + ": the folder " + folder + " does not exist");
        }
        Path part = out.resolveSibling(out.getFileName() + ".part");
        FeedbackExport.Summary s;
        try (FeedbackLog log = FeedbackLog.openReadOnly(index);
                LuceneStatementStore store = NoticesCommand.openStore(index);
                Writer w = new BufferedWriter(Files.newBufferedWriter(part, StandardCharsets.UTF_8))) {
            s = FeedbackExport.write(log, store, w);
        } catch (Exception e) {
            Files.deleteIfExists(part);
            throw e;
        }
        // a half-written training file must never be mistaken for a whole one
        Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.err.printf(
                "citelens feedback: wrote %,d rows to %s (%,d reviewed labels, %,d statements by readers' leading suggestion); left out %,d statements whose suggestions tie and %,d no longer in the index%n",
                s.reviewed() + s.suggested(), out, s.reviewed(), s.suggested(), s.ties(), s.missing());
        return 0;
    }
}
