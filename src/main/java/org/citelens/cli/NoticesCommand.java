package org.citelens.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.citelens.index.LuceneStatementStore;
import org.citelens.index.StatementStore;
import org.citelens.ingest.IngestProgress;
import org.citelens.notice.NoticeImport;
import org.citelens.notice.NoticeStore;
import org.citelens.solr.SolrStatementStore;

/**
 * {@code notices import --file FILE --index DIR} or {@code --work DIR [--solr URL --collection NAME]}: adds the
 * retractions, corrections and expressions of concern of a Retraction Watch CSV to the notices of a local index, or
 * of the work folder that {@code serve --solr ... --work DIR} reads. Idempotent; bad rows are listed with their line
 * and reason and never stop the import; a server over the index or folder shows the notices at its next request.
 */
public final class NoticesCommand implements Command {
    /** Bad rows printed one per line; past this, only their count. */
    private static final int LISTED = 50;

    @Override
    public String name() {
        return "notices";
    }

    @Override
    public String summary() {
        return "import editorial notices (notices import --file RETRACTION_WATCH.csv --index DIR | --work DIR)";
    }

    @Override
    public int run(Args args) throws Exception {
        args.allowOnly(Set.of("file", "index", "work", "solr", "collection"));
        if (args.positional().size() != 1 || !args.positional().get(0).equals("import")) {
            throw new UsageException(
                    "the only action is import: notices import --file FILE.csv --index DIR (or --work DIR)");
        }
        Path file = args.requirePath("file");
        boolean solr = SolrTarget.requested(args);
        if (args.has("work") == args.has("index")) {
            throw new UsageException("give either --index DIR (a local index) or --work DIR (the folder of serve --solr"
                    + " ... --work DIR), one of them");
        }
        if (solr && !args.has("work")) throw new UsageException("--solr goes with --work DIR");
        Path home = args.requirePath(args.has("work") ? "work" : "index");
        if (!Files.isRegularFile(file)) throw new UsageException("--file " + file + ": no such file");
        if (args.has("index") && !Files.isDirectory(home)) {
            throw new UsageException("--index " + home + " is not a folder; build one with: ingest --corpus DIR --index "
                    + home);
        }
        if (args.has("work") && !Files.isDirectory(home)) {
            throw new UsageException("--work " + home + " is not a folder; it is the folder of ingest --solr ... --work "
                    + home + " (or make it)");
        }
        AtomicLong read = new AtomicLong();
        AtomicLong rows = new AtomicLong();
        AtomicLong bad = new AtomicLong();
        long kb = Math.max(1, Files.size(file) / 1024);
        NoticeImport.Summary s;
        // which works the statements cite, to count the notices about works not in them yet: the local index, the
        // collection, or (a work folder alone) nothing to ask
        try (StatementStore store = args.has("index") ? openStore(home) : solr ? openCollection(args) : null;
                Reader in = new InputStreamReader(counting(Files.newInputStream(file), read), StandardCharsets.UTF_8)) {
            IngestProgress progress = new IngestProgress(
                    System.err, "notices", "import", "KB", kb, System.console() != null, bad::get, "rows", "bad rows");
            try (progress) {
                s = NoticeImport.run(
                        in,
                        NoticeStore.of(home),
                        doi -> {
                            if (store == null) return true;
                            try {
                                return store.holdsWork(doi);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        },
                        row -> {
                            rows.incrementAndGet();
                            if (row.notice() == null) bad.incrementAndGet();
                            progress.statements.set(rows.get());
                            progress.done.set(Math.min(kb, read.get() / 1024));
                        });
                progress.done.set(kb);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(file + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new CommandFailedException("asking the collection which works it holds: " + e.getCause().getMessage());
        }
        for (int i = 0; i < Math.min(LISTED, s.badRows().size()); i++) {
            System.err.println("citelens notices: " + file + " " + s.badRows().get(i));
        }
        if (s.badRows().size() > LISTED) {
            System.err.printf("citelens notices: ... and %,d more bad rows%n", s.badRows().size() - LISTED);
        }
        if (args.has("work") && !solr) {
            System.err.printf(
                    "citelens notices: %,d rows read: %,d notices imported, %,d updated, %,d unchanged, %,d bad rows"
                            + " (not checked against a collection: add --solr URL --collection NAME to count the"
                            + " works it does not hold yet)%n",
                    s.rows(),
                    s.imported(),
                    s.updated(),
                    s.unchanged(),
                    s.badRows().size());
            return 0;
        }
        System.err.printf(
                "citelens notices: %,d rows read: %,d notices imported, %,d updated, %,d unchanged, %,d about works the %s does not hold yet (kept), %,d bad rows%n",
                s.rows(),
                s.imported(),
                s.updated(),
                s.unchanged(),
                s.unmatched(),
                solr ? "collection" : "index",
                s.badRows().size());
        return 0;
    }

    /** A folder that holds no index is the user's to fix, said in one line. */
    static LuceneStatementStore openStore(Path index) {
        try {
            return LuceneStatementStore.open(index);
        } catch (IOException e) {
            throw new CommandFailedException(e.getMessage());
        }
    }

    /** The statement collection, asked only which works it holds; closing it closes the connection. */
    private static StatementStore openCollection(Args args) {
        return new SolrStatementStore(SolrTarget.connect(args));
    }

    private static InputStream counting(InputStream in, AtomicLong count) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) count.incrementAndGet();
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) count.addAndGet(n);
                return n;
            }
        };
    }
}
