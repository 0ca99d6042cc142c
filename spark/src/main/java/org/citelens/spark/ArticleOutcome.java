package org.citelens.spark;

import java.io.Serializable;
import java.util.List;
import org.citelens.ingest.IngestReport;
import org.citelens.model.CitationStatement;

/**
 * One kept file after the extract and label stage. {@code statements} holds the labelled statements when the driver
 * writes them (the local index) and is empty when the executor wrote them itself (SolrCloud); {@code
 * statementCount} counts them either way. A file whose extraction failed has {@code articleId} null and the reason
 * in {@code skipped}.
 */
record ArticleOutcome(
        String path,
        String articleId,
        List<CitationStatement> statements,
        int statementCount,
        int markers,
        int unlinkedMarkers,
        List<IngestReport.SkippedFile> skipped)
        implements Serializable {
    ArticleOutcome {
        statements = List.copyOf(statements);
        skipped = List.copyOf(skipped);
    }

    boolean indexed() {
        return articleId != null;
    }
}
