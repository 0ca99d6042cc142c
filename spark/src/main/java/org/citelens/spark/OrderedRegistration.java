package org.citelens.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.citelens.ingest.ArticleSteps;
import org.citelens.model.Article;
import org.citelens.model.CitedWork;
import org.citelens.model.EditorialNotice;
import org.citelens.model.Reference;
import org.citelens.resolve.WorksRegistry;

/**
 * Stage 2, on the driver: the order-dependent passes of the single-machine ingest over the parsed heads, in path
 * order. Registers each article (a later file repeating an article id is a duplicate), searches candidates in
 * parallel (order-free), resolves every reference in path order (a resolution can teach a key its DOI), and only
 * then reads off each reference's work, so work ids never depend on which executor parsed what, or when.
 */
final class OrderedRegistration {
    private final WorksRegistry registry;
    private final ArticleSteps steps;
    private final int threads;

    /** What the ordered passes produced. */
    record Outcome(ResolvedReferences resolved, List<EditorialNotice> notices) {}

    /**
     * @param steps records duplicates with the single-machine ingest's reason
     * @param threads threads for the candidate search
     */
    OrderedRegistration(WorksRegistry registry, ArticleSteps steps, int threads) {
        this.registry = registry;
        this.steps = steps;
        this.threads = threads;
    }

    /** @param heads the parsed files' heads, sorted by path */
    Outcome run(List<ParsedFile> heads) throws InterruptedException {
        List<ParsedFile> kept = new ArrayList<>();
        List<EditorialNotice> notices = new ArrayList<>();
        Map<String, String> firstPathOfArticle = new LinkedHashMap<>();
        for (ParsedFile f : heads) {
            if (f.article() == null) continue;
            String id = f.article().metadata().articleId();
            String first = firstPathOfArticle.putIfAbsent(id, f.path());
            if (first != null) {
                steps.duplicate(Path.of(f.path()), Path.of(first), id);
                continue;
            }
            notices.addAll(f.article().notices());
            registry.register(f.article());
            kept.add(f);
        }
        searchCandidates(kept);
        for (ParsedFile f : kept) {
            Article a = f.article();
            for (Reference ref : a.references()) registry.resolve(a.metadata(), ref);
        }
        ResolvedReferences resolved = new ResolvedReferences();
        for (ParsedFile f : kept) {
            Article a = f.article();
            Map<String, CitedWork> works = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            for (Reference ref : a.references()) {
                if (seen.add(ref.id())) works.put(ref.id(), registry.resolve(a.metadata(), ref));
            }
            resolved.put(f.path(), works);
        }
        return new Outcome(resolved, notices);
    }

    /** The costly, order-free part of resolving, ahead on a few threads: the ordered pass then finds it done. */
    private void searchCandidates(List<ParsedFile> kept) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (ParsedFile f : kept) {
                jobs.add(pool.submit(() -> {
                    for (Reference ref : f.article().references()) registry.prepare(ref);
                }));
            }
            for (Future<?> j : jobs) {
                try {
                    j.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // an optimisation only: the ordered pass resolves this article itself and reports what fails
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
