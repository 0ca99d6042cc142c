package org.citelens.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.citelens.extract.CitationStatementExtractor;
import org.citelens.extract.Extraction;
import org.citelens.model.Article;
import org.citelens.model.CitedWork;
import org.citelens.model.Reference;
import org.citelens.parse.ArticleParsers;
import org.citelens.parse.DocumentGuard;
import org.citelens.parse.DocumentLimits;
import org.citelens.parse.MalformedArticleException;
import org.citelens.parse.RejectedDocumentException;
import org.citelens.parse.RejectedDocumentException.Kind;

/**
 * Reads one corpus file into an article and one article into statements under the per-document limits: the size
 * is checked before reading and again while reading (a file may grow under us), the bytes pass the
 * {@link DocumentGuard}, and parsing and extraction each run under the time limit.
 */
final class ArticleFileReader implements AutoCloseable {
    private final ArticleParsers parsers = new ArticleParsers();
    private final DocumentGuard guard = new DocumentGuard(parsers);
    private final CitationStatementExtractor extractor = new CitationStatementExtractor();
    private final DocumentLimits limits;
    private final DocumentTimeLimit timeLimit;

    ArticleFileReader(DocumentLimits limits, int threads) {
        this.limits = limits;
        this.timeLimit = new DocumentTimeLimit(threads);
    }

    /**
     * @throws MalformedArticleException the file is not an acceptable article (a {@link RejectedDocumentException}
     *     when a limit or the guard refused it)
     * @throws IOException the file could not be read
     */
    Article read(Path file, String source) throws MalformedArticleException, IOException, InterruptedException {
        long size = Files.size(file);
        if (size == 0) throw new RejectedDocumentException(Kind.EMPTY, "empty file");
        if (size > limits.maxBytes()) throw tooLarge(size);
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes((int) Math.min(limits.maxBytes() + 1, Integer.MAX_VALUE - 16));
        }
        if (content.length > limits.maxBytes()) throw tooLarge(content.length);
        DocumentGuard.Admitted admitted = guard.admit(content, source, limits);
        return timed(() -> parsers.parse(admitted.content(), source), "parsing");
    }

    Extraction extract(Article article, Function<Reference, CitedWork> citedWork)
            throws MalformedArticleException, InterruptedException {
        return timed(() -> extractor.extract(article, citedWork), "extracting statements");
    }

    private <T> T timed(java.util.concurrent.Callable<T> work, String what)
            throws MalformedArticleException, InterruptedException {
        try {
            return timeLimit.call(work, limits.maxMillis());
        } catch (TimeoutException e) {
            throw new RejectedDocumentException(
                    Kind.TIME_LIMIT, what + " took longer than " + limits.maxMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MalformedArticleException m) throw m;
            if (cause instanceof StackOverflowError) {
                throw new MalformedArticleException("too deeply nested for " + what);
            }
            throw new MalformedArticleException(what + " failed: " + cause, cause);
        }
    }

    private RejectedDocumentException tooLarge(long size) {
        return new RejectedDocumentException(
                Kind.TOO_LARGE, "larger than " + limits.maxBytes() + " bytes (" + size + ")");
    }

    @Override
    public void close() {
        timeLimit.close();
    }
}
