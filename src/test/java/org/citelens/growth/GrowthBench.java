package org.citelens.growth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.citelens.api.ApiConfig;
import org.citelens.api.ApiServer;
import org.citelens.index.LuceneStatementStore;
import org.citelens.index.StatementIndexWriter;
import org.citelens.index.StatementSink;
import org.citelens.index.StatementStore;
import org.citelens.solr.SolrConnection;
import org.citelens.solr.SolrStatementStore;
import org.citelens.solr.SolrStatementWriter;

/**
 * The growth benchmark: generates {@code --statements} statements from the seed index's real ones, writes them into a
 * local Lucene index ({@code --index DIR}) or a SolrCloud collection ({@code --solr URLS --collection NAME}) through the
 * real writers, then measures the real store (and the API over a local index). Figures go to stdout and, as JSON, to
 * {@code --out}. {@code --skip-write} measures an index written earlier by the same command (same seed and sizes).
 * docs/scale.md gives the commands and the figures.
 */
public final class GrowthBench {
    private GrowthBench() {}

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = parse(argv);
        PrintStream log = System.out;
        Path seedIndex = Path.of(a.getOrDefault("--seed-index", "/tmp/growth/seed"));
        long statements = Long.parseLong(a.getOrDefault("--statements", "1000000"));
        int perWork = Integer.parseInt(a.getOrDefault("--statements-per-work", "5"));
        double zipf = Double.parseDouble(a.getOrDefault("--zipf", "1.0"));
        long seed = Long.parseLong(a.getOrDefault("--seed", "13"));
        int threads = Integer.parseInt(a.getOrDefault("--threads", "2"));
        long commitEvery = Long.parseLong(a.getOrDefault("--commit-every", "1000000"));
        long exportCap = Long.parseLong(a.getOrDefault("--export-cap", "500000"));
        boolean skipWrite = a.containsKey("--skip-write");
        Path out = Path.of(a.getOrDefault("--out", "growth-" + statements + ".json"));

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
        figures.put("cores", Runtime.getRuntime().availableProcessors());
        figures.put("maxHeapMb", Runtime.getRuntime().maxMemory() / 1048576);
        GrowthCorpus corpus = GrowthCorpus.fromSeedIndex(seedIndex, statements, (int) Math.max(1, statements / perWork),
                zipf, seed);
        Map<String, Object> gen = new LinkedHashMap<>();
        gen.put("seedArticles", corpus.seedArticles());
        gen.put("seedStatements", corpus.seedStatements());
        gen.put("statements", statements);
        gen.put("syntheticArticles", corpus.articles());
        gen.put("works", corpus.works());
        gen.put("zipfExponent", zipf);
        gen.put("seed", seed);
        figures.put("generated", gen);
        log.printf("growth: %,d statements in %,d synthetic articles from %,d real statements of %,d articles; "
                        + "%,d works, Zipf s=%.2f, seed %d%n",
                statements, corpus.articles(), corpus.seedStatements(), corpus.seedArticles(), corpus.works(), zipf,
                seed);

        if (a.containsKey("--index")) {
            Path index = Path.of(a.get("--index"));
            GrowthIngest.Citations citations;
            if (skipWrite) {
                citations = GrowthIngest.run(corpus, null, threads, commitEvery, log, figures);
            } else {
                try (StatementIndexWriter writer = StatementIndexWriter.open(index)) {
                    citations = GrowthIngest.run(corpus, writer, threads, commitEvery, log, figures);
                }
            }
            describe(citations, gen);
            figures.put("indexBytes", ProcessFigures.diskBytes(index));
            double heapBefore = ProcessFigures.heapAfterGcMb();
            try (LuceneStatementStore store = LuceneStatementStore.open(index)) {
                ApiServer api = new ApiServer(store, ApiConfig.defaults(index, 0).withHost("127.0.0.1").withRateLimit(0))
                        .start();
                Map<String, Object> probe = new LinkedHashMap<>();
                figures.put("probe", probe);
                try {
                    new GrowthProbe(store, log).measure(hotDoi(citations), coldDoi(citations),
                            () -> LuceneStatementStore.open(index), "http://127.0.0.1:" + api.port(), exportCap, probe);
                } finally {
                    api.close();
                    write(out, figures);
                }
                figures.put("storeHeapAfterGcMb", GrowthIngest.round(ProcessFigures.heapAfterGcMb() - heapBefore));
            }
            figures.put("benchResidentMb", ProcessFigures.residentMb(ProcessHandle.current().pid()));
        } else if (a.containsKey("--solr")) {
            try (SolrConnection solr = SolrConnection.open(a.get("--solr"), a.getOrDefault("--collection", "statements"))) {
                GrowthIngest.Citations citations;
                if (skipWrite) {
                    citations = GrowthIngest.run(corpus, null, threads, commitEvery, log, figures);
                } else {
                    try (StatementSink writer = new SolrStatementWriter(solr)) {
                        citations = GrowthIngest.run(corpus, writer, threads, commitEvery, log, figures);
                    }
                }
                describe(citations, gen);
                if (a.containsKey("--solr-dir")) {
                    figures.put("indexBytes", ProcessFigures.diskBytes(Path.of(a.get("--solr-dir"))));
                }
                StatementStore store = new SolrStatementStore(solr);
                Map<String, Object> probe = new LinkedHashMap<>();
                figures.put("probe", probe);
                try {
                    new GrowthProbe(store, log).measure(hotDoi(citations), coldDoi(citations), null, null, exportCap,
                            probe);
                } finally {
                    write(out, figures);
                }
                if (a.containsKey("--solr-pid")) {
                    long pid = Long.parseLong(a.get("--solr-pid"));
                    figures.put("solrResidentMb", ProcessFigures.residentMb(pid));
                    figures.put("solrHeapUsedMb", ProcessFigures.otherJvmHeapUsedMb(pid));
                }
            }
        } else {
            throw new IllegalArgumentException("give --index DIR or --solr URLS --collection NAME");
        }
        log.println(write(out, figures));
        log.println("growth: figures written to " + out);
        System.exit(0);
    }

    private static String write(Path out, Map<String, Object> figures) throws IOException {
        String text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures);
        Files.writeString(out, text);
        return text;
    }

    private static void describe(GrowthIngest.Citations c, Map<String, Object> gen) {
        gen.put("worksCited", c.worksCited());
        gen.put("hotDoi", hotDoi(c));
        gen.put("hotStatements", c.counts().get(c.hotRank()));
        gen.put("coldDoi", coldDoi(c));
    }

    private static String hotDoi(GrowthIngest.Citations c) {
        return GrowthCorpus.workDoi(c.hotRank());
    }

    private static String coldDoi(GrowthIngest.Citations c) {
        return GrowthCorpus.workDoi(c.coldRank());
    }

    private static Map<String, String> parse(String[] argv) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("--")) throw new IllegalArgumentException("unexpected argument " + argv[i]);
            boolean flag = i + 1 >= argv.length || argv[i + 1].startsWith("--");
            out.put(argv[i], flag ? "true" : argv[++i]);
        }
        return out;
    }
}
