package org.citelens.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.citelens.model.EditorialNotice;
import org.citelens.notice.NoticeStore;

/**
 * The last steps every ingest shares once the works registry is published, local or on Spark: say how many statements
 * were re-pointed at a merged DOI, and merge the corpus's editorial notices into the store beside the index.
 */
public final class IngestClosingLines {
    private final PrintStream out;
    private final String command;

    /** {@code command} prefixes every line ("ingest", "spark-ingest"), so a log says which tool wrote it. */
    public IngestClosingLines(PrintStream out, String command) {
        this.out = out;
        this.command = command;
    }

    /** Prints the re-pointing line if any statement moved, and merges {@code notices} into {@code dir}'s store. */
    public void finish(int repointed, List<EditorialNotice> notices, Path dir) throws IOException {
        if (repointed > 0) {
            out.println(command + ": " + repointed
                    + " statements indexed earlier under a key now point at the DOI it was merged into");
        }
        if (!notices.isEmpty()) {
            NoticeStore.MergeCounts n = NoticeStore.of(dir).merge(notices);
            out.println(command + ": " + notices.size() + " editorial notices in the corpus's notice articles ("
                    + n.added() + " new, " + n.updated() + " updated)");
        }
    }
}
