package org.citelens.growth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.citelens.extract.StatementIds;
import org.citelens.index.LuceneStatementStore;
import org.citelens.index.StatementQuery;
import org.citelens.model.ArticleMetadata;
import org.citelens.model.CitationStatement;
import org.citelens.model.CitedWork;

/**
 * Millions of statements made from the real ones of a seed index (the bundled corpus ingested). Synthetic citing
 * article i copies the statements of a real article drawn at random (text, section, label, confidence, year, journal,
 * self-citation: the real mix is kept by resampling whole articles) under its own id, so every statement id is new;
 * each of its references cites a work drawn from a Zipf law over {@code works} synthetic works (each reference once
 * per article, however many statements cite it). Deterministic: the plan of templates is drawn from the seed up
 * front, and article i's draws from its own stream, so any thread may generate any article.
 */
final class GrowthCorpus {
    static final String WORK_DOI_PREFIX = "10.5555/growth.";

    private final List<List<CitationStatement>> templates;
    private final List<CitedWork> realWorks;
    private final ZipfSampler zipf;
    private final int[] plan;
    private final int lastArticleSize;
    private final long statements;
    private final long seed;

    private GrowthCorpus(List<List<CitationStatement>> templates, List<CitedWork> realWorks, long statements,
            int works, double exponent, long seed) {
        this.templates = templates;
        this.realWorks = realWorks;
        this.statements = statements;
        this.seed = seed;
        this.zipf = new ZipfSampler(works, exponent);
        SplittableRandom r = new SplittableRandom(seed);
        int[] chosen = new int[1024];
        int n = 0;
        long sum = 0;
        while (sum < statements) {
            if (n == chosen.length) chosen = Arrays.copyOf(chosen, n * 2);
            chosen[n] = r.nextInt(templates.size());
            sum += templates.get(chosen[n]).size();
            n++;
        }
        this.plan = Arrays.copyOf(chosen, n);
        this.lastArticleSize = (int) (templates.get(plan[n - 1]).size() - (sum - statements));
    }

    /** Reads every statement of the seed index, grouped by citing article in a fixed order. */
    static GrowthCorpus fromSeedIndex(Path seedIndex, long statements, int works, double exponent, long seed)
            throws IOException {
        Map<String, List<CitationStatement>> byArticle = new TreeMap<>();
        Map<String, CitedWork> works0 = new TreeMap<>();
        try (LuceneStatementStore store = LuceneStatementStore.open(seedIndex)) {
            store.forEach(StatementQuery.all(Integer.MAX_VALUE), s -> {
                byArticle.computeIfAbsent(s.citing().articleId(), k -> new ArrayList<>()).add(s);
                works0.putIfAbsent(s.cited().workId(), s.cited());
            });
        }
        if (byArticle.isEmpty()) throw new IOException("the seed index " + seedIndex + " holds no statement");
        List<List<CitationStatement>> templates = new ArrayList<>();
        for (List<CitationStatement> list : byArticle.values()) {
            list.sort(Comparator.comparingInt(CitationStatement::sentencePosition).thenComparing(CitationStatement::id));
            templates.add(List.copyOf(list));
        }
        return new GrowthCorpus(templates, List.copyOf(works0.values()), statements, works, exponent, seed);
    }

    int articles() {
        return plan.length;
    }

    long statements() {
        return statements;
    }

    int works() {
        return zipf.size();
    }

    int seedArticles() {
        return templates.size();
    }

    long seedStatements() {
        return templates.stream().mapToLong(List::size).sum();
    }

    static String workDoi(int rank) {
        return WORK_DOI_PREFIX + rank;
    }

    /** The statements of synthetic article {@code i}; {@code ranks} receives each statement's cited work rank. */
    List<CitationStatement> article(int i, int[] ranks) {
        List<CitationStatement> t = templates.get(plan[i]);
        int take = i == plan.length - 1 ? lastArticleSize : t.size();
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        ArticleMetadata real = t.get(0).citing();
        ArticleMetadata citing = new ArticleMetadata("10.5555/growth-a." + i, null, null, real.title(),
                real.authors(), real.journal(), real.year(), "growth/" + i);
        String articleId = citing.articleId();
        Map<String, Integer> rankByRef = new HashMap<>();
        List<CitationStatement> out = new ArrayList<>(take);
        for (int k = 0; k < take; k++) {
            CitationStatement s = t.get(k);
            String ref = s.refId() != null ? s.refId() : s.cited().workId();
            int rank = rankByRef.computeIfAbsent(ref, x -> zipf.draw(r));
            ranks[k] = rank;
            out.add(new CitationStatement(
                    StatementIds.of(articleId, s.refId(), s.sentencePosition()),
                    citing,
                    work(rank),
                    s.refId(),
                    s.marker(),
                    s.before(),
                    s.sentence(),
                    s.after(),
                    s.section(),
                    s.sentencePosition(),
                    s.label(),
                    s.confidence(),
                    s.selfCitation(),
                    s.labelModel()));
        }
        return out;
    }

    /** The largest number of statements one article has (the size {@link #article}'s rank array needs). */
    int maxArticleSize() {
        return templates.stream().mapToInt(List::size).max().orElse(0);
    }

    private CitedWork work(int rank) {
        CitedWork real = realWorks.get((rank - 1) % realWorks.size());
        String doi = workDoi(rank);
        return new CitedWork("doi:" + doi, doi, real.title(), real.year(), real.firstAuthor(), real.journal());
    }
}
