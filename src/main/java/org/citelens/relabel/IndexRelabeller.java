package org.citelens.relabel;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.citelens.classify.CitationClassifier;
import org.citelens.index.StatementIndexWriter;
import org.citelens.index.StatementsByArticle;
import org.citelens.ingest.IngestProgress;
import org.citelens.ingest.StatementLabeller;
import org.citelens.model.CitationStatement;

/**
 * Relabels an index in place: every citing article with a statement not labelled by the new model gets all its
 * statements relabelled and replaced in one atomic update (the other markers of a sentence come from the article's
 * other statements, so an article is the unit). Commits every two seconds; a killed run leaves each article either
 * wholly old or wholly new, and the next run picks up exactly the articles still old, so every statement ends up
 * labelled once by the new model. A server over the index sees each commit like any other.
 */
public final class IndexRelabeller {
    private static final long COMMIT_INTERVAL_NANOS = 2_000_000_000L;

    private final CitationClassifier classifier;
    private final int threads;
    private final PrintStream progressOut;
    private final boolean terminal;

    public IndexRelabeller(CitationClassifier classifier, int threads, PrintStream progressOut, boolean terminal) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        this.classifier = classifier;
        this.threads = threads;
        this.progressOut = progressOut;
        this.terminal = terminal;
    }

    public RelabelReport run(Path index) throws IOException, InterruptedException {
        if (!Files.isDirectory(index)) throw new IllegalArgumentException("no Citelens index in " + index);
        try (Directory dir = FSDirectory.open(index)) {
            if (!DirectoryReader.indexExists(dir)) throw new IllegalArgumentException("no Citelens index in " + index);
            return run(index, dir);
        }
    }

    private RelabelReport run(Path index, Directory dir) throws IOException, InterruptedException {
        long start = System.nanoTime();
        String model = classifier.name();
        List<String> todo;
        long articlesInIndex;
        Map<String, String> userData;
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            StatementsByArticle byArticle = new StatementsByArticle(reader);
            todo = byArticle.articlesNotLabelledBy(model);
            articlesInIndex = byArticle.articleCount();
            userData = new HashMap<>(reader.getIndexCommit().getUserData());
        }
        AtomicLong relabelled = new AtomicLong();
        try (StatementIndexWriter writer = StatementIndexWriter.open(index);
                DirectoryReader reader = DirectoryReader.open(dir);
                IngestProgress progress = new IngestProgress(
                        progressOut, "relabel", "(" + model + ")", "articles", todo.size(), terminal, () -> 0)) {
            StatementsByArticle byArticle = new StatementsByArticle(reader);
            StatementLabeller labeller = new StatementLabeller(classifier);
            AtomicLong lastCommit = new AtomicLong(System.nanoTime());
            userData.put("citelens.relabel", "running " + model);
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    workers.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < todo.size(); i = next.getAndIncrement()) {
                            List<CitationStatement> old = byArticle.statementsOf(todo.get(i));
                            writer.replaceArticle(todo.get(i), labeller.label(old));
                            relabelled.addAndGet(old.size());
                            progress.statements.addAndGet(old.size());
                            progress.done.incrementAndGet();
                            long now = System.nanoTime();
                            long last = lastCommit.get();
                            // one worker commits; the others go on replacing (IndexWriter allows both at once)
                            if (now - last > COMMIT_INTERVAL_NANOS && lastCommit.compareAndSet(last, now)) {
                                writer.commit(userData);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : workers) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof IOException io) throw io;
                        if (e.getCause() instanceof RuntimeException re) throw re;
                        throw new IllegalStateException("relabel failed", e.getCause());
                    }
                }
            } finally {
                pool.shutdown();
            }
            userData.put("citelens.relabel", "complete " + model);
            writer.commit(userData);
        }
        long[] counts;
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            counts = new StatementsByArticle(reader).countLabelledBy(model);
        }
        return new RelabelReport(
                model,
                todo.size(),
                relabelled.get(),
                articlesInIndex - todo.size(),
                counts[0],
                counts[1],
                (System.nanoTime() - start) / 1_000_000);
    }
}
