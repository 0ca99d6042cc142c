package org.citelens.growth;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.citelens.index.StatementSink;
import org.citelens.model.CitationStatement;

/**
 * Writes a {@link GrowthCorpus} through a real {@link StatementSink} (the local index writer or the SolrCloud writer)
 * article by article on a few threads, as ingest's workers do, committing every {@code commitEvery} statements; counts
 * how often each work is cited, which names the hot and the cold DOI. With no sink it only counts.
 */
final class GrowthIngest {
    /** How often each work rank is cited, and which ranks are the hot and the cold work. */
    record Citations(AtomicIntegerArray counts) {
        int hotRank() {
            int best = 1;
            for (int r = 1; r < counts.length(); r++) if (counts.get(r) > counts.get(best)) best = r;
            return best;
        }

        /** The least popular rank cited exactly once (the far end of the tail). */
        int coldRank() {
            for (int r = counts.length() - 1; r >= 1; r--) if (counts.get(r) == 1) return r;
            throw new IllegalStateException("no work is cited exactly once");
        }

        long worksCited() {
            long n = 0;
            for (int r = 1; r < counts.length(); r++) if (counts.get(r) > 0) n++;
            return n;
        }
    }

    private GrowthIngest() {}

    static Citations run(GrowthCorpus corpus, StatementSink sink, int threads, long commitEvery, PrintStream log,
            Map<String, Object> figures) throws IOException, InterruptedException {
        AtomicIntegerArray counts = new AtomicIntegerArray(corpus.works() + 1);
        AtomicLong written = new AtomicLong();
        AtomicLong nextCommit = new AtomicLong(commitEvery);
        Object commitLock = new Object();
        long start = System.nanoTime();
        double cpu0 = ProcessFigures.cpuSeconds();
        double load0 = ProcessFigures.loadAverage();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            int first = t;
            Thread w = new Thread(() -> {
                int[] ranks = new int[corpus.maxArticleSize()];
                try {
                    for (int i = first; i < corpus.articles() && failures.isEmpty(); i += threads) {
                        List<CitationStatement> article = corpus.article(i, ranks);
                        for (int k = 0; k < article.size(); k++) counts.incrementAndGet(ranks[k]);
                        if (sink != null) sink.replaceArticle(article.get(0).citing().articleId(), article);
                        long n = written.addAndGet(article.size());
                        if (sink != null && n >= nextCommit.get()) {
                            synchronized (commitLock) {
                                if (n >= nextCommit.get()) {
                                    sink.commit(Map.of("growth", Long.toString(n)));
                                    nextCommit.addAndGet(commitEvery);
                                }
                            }
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "growth-writer-" + t);
            workers.add(w);
            w.start();
        }
        Thread progress = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(15_000);
                    long n = written.get();
                    double s = (System.nanoTime() - start) / 1e9;
                    double rate = n / s;
                    log.printf("growth write: %,d/%,d statements (%.0f%%), %,.0f statements/s, load %.1f, ETA %.0fs%n",
                            n, corpus.statements(), 100.0 * n / corpus.statements(), rate,
                            ProcessFigures.loadAverage(), (corpus.statements() - n) / Math.max(rate, 1));
                }
            } catch (InterruptedException done) {
                // the writers finished
            }
        }, "growth-progress");
        progress.setDaemon(true);
        if (sink != null) progress.start();
        for (Thread w : workers) w.join();
        progress.interrupt();
        if (!failures.isEmpty()) throw new IOException("writing the statements failed", failures.get(0));
        if (sink != null) {
            sink.flush(threads);
            sink.commit(Map.of("growth", Long.toString(written.get())));
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> ingest = new LinkedHashMap<>();
            ingest.put("statements", written.get());
            ingest.put("articles", corpus.articles());
            ingest.put("seconds", round(seconds));
            ingest.put("statementsPerSecond", Math.round(written.get() / seconds));
            ingest.put("cpuSeconds", round(ProcessFigures.cpuSeconds() - cpu0));
            ingest.put("loadAverageAtStart", load0);
            ingest.put("loadAverageAtEnd", ProcessFigures.loadAverage());
            ingest.put("writerHeapAfterGcMb", round(ProcessFigures.heapAfterGcMb()));
            ingest.put("writerResidentMb", ProcessFigures.residentMb(ProcessHandle.current().pid()));
            figures.put("ingest", ingest);
            log.printf("growth write: %,d statements in %.1f s: %,.0f statements/s (%.0f CPU-s, load %.1f -> %.1f)%n",
                    written.get(), seconds, written.get() / seconds, ProcessFigures.cpuSeconds() - cpu0, load0,
                    ProcessFigures.loadAverage());
        }
        return new Citations(counts);
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
