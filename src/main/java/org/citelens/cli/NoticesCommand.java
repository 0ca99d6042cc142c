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
import org.citelens.ingest.IngestProgress;
import org.citelens.notice.NoticeImport;
import org.citelens.notice.NoticeStore;

/**
 * {@code notices import --file FILE --index DIR}: adds the retractions, corrections and expressions of concern of a
 * Retraction Watch CSV to an index's notices. Idempotent; bad rows are listed with their line and reason and never
 * stop the import; a server over the index shows the notices at its next request.
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
        return "import editorial notices (notices import --file RETRACTION_WATCH.csv --index DIR)";
    }

    @Override
    public int run(Args args) throws Exception {
        args.allowOnly(Set.of("file", "index"));
        if (args.positional().size() != 1 || !args.positional().get(0).equals("import")) {
            throw new UsageException("the only action is import: notices import --file FILE.csv --index DIR");
        }
        Path file = args.requirePath("file");
        Path index = args.requirePath("index");
        if (!Files.isRegularFile(file)) throw new UsageException("--file " + file + ": no such file");
        if (!Files.isDirectory(index)) {
            throw new UsageException("--index " + index + " is not a folder; build one with: ingest --corpus DIR --index "
                    + index);
        }
        AtomicLong read = new AtomicLong();
        AtomicLong rows = new AtomicLong();
        AtomicLong bad = new AtomicLong();
        long kb = Math.max(1, Files.size(file) / 1024);
        NoticeImport.Summary s;
        try (LuceneStatementStore store = openStore(index);
                Reader in = new InputStreamReader(counting(Files.newInputStream(file), read), StandardCharsets.UTF_8)) {
            IngestProgress progress = new IngestProgress(
                    System.err, "notices", "import", "KB", kb, System.console() != null, bad::get, "rows", "bad rows");
            try (progress) {
                s = NoticeImport.run(
                        in,
                        NoticeStore.of(index),
                        doi -> {
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
        }
        for (int i = 0; i < Math.min(LISTED, s.badRows().size()); i++) {
            System.err.println("citelens notices: " + file + " " + s.badRows().get(i));
        }
        if (s.badRows().size() > LISTED) {
            System.err.printf("citelens notices: ... and %,d more bad rows%n", s.badRows().size() - LISTED);
        }
        System.err.printf(
                "citelens notices: %,d rows read: %,d notices imported, %,d updated, %,d unchanged, %,d about works the index does not hold yet (kept), %,d bad rows%n",
                s.rows(),
                s.imported(),
                s.updated(),
                s.unchanged(),
                s.unmatched(),
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
