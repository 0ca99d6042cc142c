package org.citelens.spark;

import java.io.Serializable;
import java.util.List;
import org.citelens.ingest.IngestReport;
import org.citelens.model.Article;

/**
 * One corpus file after the parse stage: its article, or null with the reason in {@code skipped}.
 *
 * @param path the file, as the executors open it
 */
record ParsedFile(String path, Article article, List<IngestReport.SkippedFile> skipped) implements Serializable {
    ParsedFile {
        skipped = List.copyOf(skipped);
    }

    /**
     * What the driver needs to register and resolve: metadata, references and notices, without the body, which
     * stays on the executors for the extract stage.
     */
    ParsedFile forRegistration() {
        if (article == null) return this;
        Article head = new Article(
                article.format(), article.metadata(), article.references(), List.of(), article.notices());
        return new ParsedFile(path, head, skipped);
    }
}
