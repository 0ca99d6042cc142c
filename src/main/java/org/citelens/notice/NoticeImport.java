package org.citelens.notice;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.citelens.model.EditorialNotice;

/**
 * Imports a Retraction Watch CSV into an index's notices: every good row is kept (a work the index does not hold
 * yet may be cited by a later ingest), rows about works the index holds are counted as matched, bad rows are listed
 * with their line and reason. Running it again with the same file changes nothing.
 */
public final class NoticeImport {
    /**
     * What an import did.
     *
     * @param rows data rows read
     * @param imported notices new to the index
     * @param updated notices already known whose date, DOI, nature or reason changed
     * @param unchanged notices already known as they are
     * @param unmatched notices about works nothing in the index cites or holds (kept for later ingests)
     * @param badRows rows that give no notice, with their line numbers and reasons
     */
    public record Summary(
            long rows, int imported, int updated, int unchanged, long unmatched, List<String> badRows) {}

    private NoticeImport() {}

    /**
     * @param inIndex whether the index holds (cites or contains) the work with this DOI
     * @param onRow called with every row, for progress
     */
    public static Summary run(
            Reader csv, NoticeStore store, Predicate<String> inIndex, Consumer<RetractionWatchCsv.Row> onRow)
            throws IOException {
        Map<String, EditorialNotice> notices = new LinkedHashMap<>();
        List<String> bad = new ArrayList<>();
        long[] rows = {0};
        RetractionWatchCsv.read(csv, row -> {
            rows[0]++;
            if (row.notice() != null) notices.put(row.notice().key(), row.notice());
            else bad.add("line " + row.line() + ": " + row.error());
            onRow.accept(row);
        });
        Map<String, Boolean> known = new java.util.HashMap<>();
        long unmatched = notices.values().stream()
                .filter(n -> !known.computeIfAbsent(n.workDoi(), inIndex::test))
                .count();
        NoticeStore.MergeCounts c = store.merge(notices.values());
        return new Summary(rows[0], c.added(), c.updated(), c.unchanged(), unmatched, List.copyOf(bad));
    }
}
