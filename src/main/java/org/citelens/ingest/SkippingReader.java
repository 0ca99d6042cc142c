package org.citelens.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import org.citelens.extract.Extraction;
import org.citelens.model.Article;
import org.citelens.model.CitedWork;
import org.citelens.model.Reference;
import org.citelens.parse.MalformedArticleException;
import org.citelens.parse.RejectedDocumentException;

/**
 * Reads and extracts through the {@link ArticleFileReader}; a file that fails is recorded in {@link SkippedFiles}
 * with the pass it failed in, its reason and a stable kind, and yields null: one bad file never stops the batch.
 */
final class SkippingReader {
    private final ArticleFileReader reader;
    private final SkippedFiles skipped;

    SkippingReader(ArticleFileReader reader, SkippedFiles skipped) {
        this.reader = reader;
        this.skipped = skipped;
    }

    /** The file's article, or null (and the reason recorded) when it is not one. */
    Article read(Path file) {
        String pass = "read";
        String kind;
        String reason;
        try {
            return reader.read(file, skipped.source(file));
        } catch (RejectedDocumentException e) {
            kind = e.kind().wireName();
            reason = e.getMessage();
            if (e.kind() != RejectedDocumentException.Kind.TOO_LARGE
                    && e.kind() != RejectedDocumentException.Kind.EMPTY) {
                pass = "parse";
            }
        } catch (MalformedArticleException e) {
            pass = "parse";
            kind = "not-an-article";
            reason = e.getMessage();
        } catch (IOException e) {
            kind = "unreadable";
            reason = "cannot read: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kind = "interrupted";
            reason = "ingest interrupted";
        }
        skipped.add(file, pass, reason, kind);
        return null;
    }

    /** The article's statements, or null (and the reason recorded) when extraction failed. */
    Extraction extract(Article a, Function<Reference, CitedWork> citedWork, Path file) {
        try {
            return reader.extract(a, citedWork);
        } catch (RejectedDocumentException e) {
            skipped.add(file, "extract", e.getMessage(), e.kind().wireName());
        } catch (MalformedArticleException e) {
            skipped.add(file, "extract", e.getMessage(), "extract-error");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            skipped.add(file, "extract", "ingest interrupted", "interrupted");
        }
        return null;
    }
}
