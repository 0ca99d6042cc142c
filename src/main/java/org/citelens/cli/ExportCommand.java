package org.citelens.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.citelens.export.StatementCsv;
import org.citelens.export.StatementJson;
import org.citelens.index.LuceneStatementStore;
import org.citelens.index.StatementQuery;
import org.citelens.model.Doi;

/**
 * {@code export --index DIR --format jsonl|csv [--cited DOI] [--out FILE]}: streams every statement (or those
 * citing one DOI) to standard output or a file, with constant memory whatever the index size.
 */
public final class ExportCommand implements Command {
    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "stream statements as JSON Lines or CSV (--index DIR --format jsonl|csv [--cited DOI] [--out FILE])";
    }

    @Override
    public int run(Args args) throws Exception {
        args.allowOnly(Set.of("index", "format", "cited", "out"));
        Path index = args.requirePath("index");
        String format = args.require("format").toLowerCase(Locale.ROOT);
        if (!format.equals("jsonl") && !format.equals("csv")) {
            throw new UsageException("--format takes jsonl or csv, not '" + args.get("format") + "'");
        }
        String cited = null;
        if (args.has("cited")) {
            String raw = args.require("cited");
            cited = Doi.normalize(raw).orElseThrow(() -> new UsageException("--cited '" + raw + "' is not a DOI"));
        }
        if (!Files.isDirectory(index)) {
            throw new UsageException("no index at " + index + " (run ingest first)");
        }
        if (args.has("out")) {
            Path folder = args.requirePath("out").toAbsolutePath().getParent();
            if (folder != null && !Files.isDirectory(folder)) {
                throw new UsageException("--out " + args.get("out") + ": the folder " + folder + " does not exist");
            }
        }
        long[] rows = {0};
        try (LuceneStatementStore store = LuceneStatementStore.open(index);
                OutputStream raw =
                        args.has("out") ? Files.newOutputStream(args.requirePath("out")) : nonClosing(System.out);
                Writer out = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 16)) {
            StatementQuery query = StatementQuery.citing(cited, Integer.MAX_VALUE);
            try {
                if (format.equals("csv")) {
                    StatementCsv csv = new StatementCsv(out);
                    csv.writeHeader();
                    store.forEach(query, s -> {
                        try {
                            csv.write(s);
                            rows[0]++;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                } else {
                    JsonGenerator g = new JsonFactory()
                            .setRootValueSeparator("")
                            .createGenerator(out)
                            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                            .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
                    store.forEach(query, s -> {
                        try {
                            StatementJson.write(s, g);
                            g.writeRaw('\n');
                            rows[0]++;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                    g.close();
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        System.err.printf(
                "export: %d statements written%s%n", rows[0], args.has("out") ? " to " + args.get("out") : "");
        return 0;
    }

    /** Standard output must stay open for whatever runs after the command in the same JVM (tests). */
    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
