package org.citelens.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.citelens.extract.Extraction;
import org.citelens.index.StatementSink;
import org.citelens.model.Article;
import org.citelens.model.EditorialNotice;
import org.citelens.model.Reference;
import org.citelens.resolve.WorksRegistry;

/**
 * The passes of one ingest, in the order {@link CorpusIngest#run()} calls them, over what they share: parse (in
 * parallel), register (in path order), search candidates (in parallel), resolve (in path order), then extract,
 * label and index (in parallel). The ordered steps make works and statements independent of the threads' timing.
 */
final class IngestPasses {
    /** Starts the progress line of a pass. */
    interface ProgressLines {
        IngestProgress start(String pass, long total);
    }

    static final Map<String, String> RUNNING = Map.of("citelens.ingest", "running");

    private final SkippingReader reader;
    private final ParsedArticles parsed = new ParsedArticles();
    private final FileWorkers workers;
    private final SkippedFiles skipped;
    private final WorksRegistry registry;
    private final ProgressLines progressLines;
    /** Notices the corpus's notice articles publish (retractions, corrections, concerns), in path order. */
    private final List<EditorialNotice> notices = new ArrayList<>();

    IngestPasses(
            SkippingReader reader,
            FileWorkers workers,
            SkippedFiles skipped,
            WorksRegistry registry,
            ProgressLines progressLines) {
        this.reader = reader;
        this.workers = workers;
        this.skipped = skipped;
        this.registry = registry;
        this.progressLines = progressLines;
    }

    /** In parallel: parse every file under the document limits. */
    void parse(List<Path> files) throws IOException, InterruptedException {
        try (IngestProgress progress = progressLines.start("pass 1/2 (parse, register works)", files.size())) {
            workers.forEach(files, progress, file -> {
                Article a = reader.read(file);
                if (a != null) parsed.add(file, a);
            });
        }
    }

    /**
     * One by one in path order, so the registry (and every resolution) is the same on each run: registers each
     * article, passing over a file that repeats the article id of an earlier file. Returns the files kept.
     */
    List<Path> registerInPathOrder() {
        List<Path> good = new ArrayList<>();
        for (Path file : parsed.files()) {
            String id = parsed.articleId(file);
            Path first = parsed.firstFileOf(id);
            if (!first.equals(file)) {
                skipped.addDuplicate(file, first, id);
                parsed.forget(file);
                continue;
            }
            Article a = parsed.cached(file);
            if (a == null && (a = reader.read(file)) == null) {
                parsed.forget(file);
                continue;
            }
            parsed.keep(file, a);
            notices.addAll(a.notices());
            registry.register(a);
            good.add(file);
        }
        return good;
    }

    /** The notices found by {@link #registerInPathOrder()}. */
    List<EditorialNotice> notices() {
        return List.copyOf(notices);
    }

    /**
     * In parallel: the costly part of resolving, the candidate searches, depends only on what is registered, so
     * every worker does it first and leaves the ordered pass only the cheap, order-dependent decisions.
     */
    void searchCandidates(List<Path> good) throws IOException, InterruptedException {
        try (IngestProgress progress = progressLines.start("resolve (candidate search)", good.size())) {
            workers.forEach(good, progress, file -> {
                Article a = parsed.cached(file);
                if (a == null) return; // dropped under memory pressure: the ordered pass searches for it
                try {
                    for (Reference ref : a.references()) registry.prepare(ref);
                } catch (RuntimeException e) {
                    // an optimisation only: the ordered pass resolves this article itself and reports what fails
                }
            });
        }
    }

    /**
     * One article at a time in path order: resolving a reference can teach a work key its DOI, which changes how
     * later references resolve; done here once, the outcome no longer depends on the timing of the parallel pass
     * below (which then finds every resolution cached), so a run after a crash gives the same.
     */
    void resolveInPathOrder(List<Path> good) {
        for (Path file : good) {
            Article a = parsed.cached(file);
            if (a == null && (a = reader.read(file)) == null) continue;
            for (Reference ref : a.references()) registry.resolve(a.metadata(), ref);
        }
    }

    /**
     * In parallel: extract each article's statements (their cited works handed in from the registry), label and
     * index them, committing on the schedule.
     */
    void index(
            List<Path> good,
            StatementLabeller labeller,
            StatementSink writer,
            CommitSchedule commits,
            IngestCounts counts)
            throws IOException, InterruptedException {
        try (IngestProgress progress = progressLines.start("pass 2/2 (extract, classify, index)", good.size())) {
            workers.forEach(good, progress, file -> {
                Article read = parsed.take(file);
                Article a = read != null ? read : reader.read(file);
                if (a == null) return;
                Extraction x = reader.extract(a, ref -> registry.resolve(a.metadata(), ref), file);
                if (x == null) return;
                writer.replaceArticle(a.metadata().articleId(), labeller.label(x.statements()));
                counts.indexed(x);
                progress.statements.addAndGet(x.statements().size());
                if (commits.articleIndexed()) writer.commit(RUNNING);
            });
        }
    }
}
