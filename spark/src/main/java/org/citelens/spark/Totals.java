package org.citelens.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.citelens.ingest.IngestReport;

/** What one bulk ingest indexed and skipped, summed on the driver from the stages' outcomes. */
final class Totals {
    long articles;
    long statements;
    long markers;
    long unlinkedMarkers;
    final List<IngestReport.SkippedFile> skipped = java.util.Collections.synchronizedList(new ArrayList<>());

    void add(ArticleOutcome o) {
        skipped.addAll(o.skipped());
        if (!o.indexed()) return;
        articles++;
        statements += o.statementCount();
        markers += o.markers();
        unlinkedMarkers += o.unlinkedMarkers();
    }

    long skippedCount() {
        return skipped.size();
    }

    /** By file name, as the single-machine ingest reports them. */
    List<IngestReport.SkippedFile> sortedSkipped() {
        List<IngestReport.SkippedFile> out = new ArrayList<>(skipped);
        out.sort(Comparator.comparing(IngestReport.SkippedFile::file));
        return out;
    }
}
