package org.citelens.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.citelens.extract.Extraction;
import org.citelens.model.Article;
import org.citelens.model.CitedWork;
import org.citelens.model.Reference;
import org.citelens.parse.DocumentLimits;

/**
 * One file's steps of an ingest, for a runner that schedules the passes itself (the Spark job in {@code spark/}):
 * read and parse under the per-document limits, extract, and the duplicate rule, with the same code, skip reasons
 * and kinds as {@link CorpusIngest}. A file that fails yields null and is recorded in {@link #drainSkipped()}.
 */
public final class ArticleSteps implements AutoCloseable {
    /** The commit user data of an ingest under way and of one that completed, as {@link CorpusIngest} writes them. */
    public static final Map<String, String> RUNNING = IngestPasses.RUNNING;

    public static final Map<String, String> COMPLETE = CorpusIngest.COMPLETE;

    private final SkippedFiles skipped;
    private final ArticleFileReader fileReader;
    private final SkippingReader reader;

    /**
     * @param corpus the corpus folder: a file's path relative to it is the name it is parsed and reported under
     * @param threads how many threads call this at once (sizes the time-limit pool)
     */
    public ArticleSteps(Path corpus, DocumentLimits limits, int threads) {
        this.skipped = new SkippedFiles(corpus);
        this.fileReader = new ArticleFileReader(limits, threads);
        this.reader = new SkippingReader(fileReader, skipped);
    }

    /** The file's article, or null when it is not one (the reason is then in {@link #drainSkipped()}). */
    public Article read(Path file) {
        return reader.read(file);
    }

    /** The article's statements, or null when extraction failed (the reason is then in {@link #drainSkipped()}). */
    public Extraction extract(Article article, Function<Reference, CitedWork> citedWork, Path file) {
        return reader.extract(article, citedWork, file);
    }

    /** Records {@code file} as a later copy of the article {@code first} holds, as the ordered register pass does. */
    public void duplicate(Path file, Path first, String articleId) {
        skipped.addDuplicate(file, first, articleId);
    }

    /** The files skipped since the last call, by name; forgets them. */
    public List<IngestReport.SkippedFile> drainSkipped() {
        return skipped.drain();
    }

    @Override
    public void close() {
        fileReader.close();
    }
}
