package org.citelens.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.citelens.model.Article;
import org.citelens.parse.JatsParser;
import org.citelens.parse.MalformedArticleException;
import org.citelens.resolve.SimpleWorksRegistry;
import org.citelens.testdata.RepositoryFiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse and extract one article of the bundled corpus, round robin over all 312 (time per article, one thread).
 * Run: {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main ParseExtractBenchmark}
 * after {@code mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ParseExtractBenchmark {
    private final JatsParser parser = new JatsParser();
    private final CitationStatementExtractor extractor = new CitationStatementExtractor();
    private final SimpleWorksRegistry resolver = new SimpleWorksRegistry();
    private final List<byte[]> articles = new ArrayList<>();
    private int next;

    @Setup
    public void load() throws IOException {
        Path corpus = RepositoryFiles.corpus();
        try (var files = Files.walk(corpus)) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                articles.add(Files.readAllBytes(p));
            }
        }
    }

    @Benchmark
    public Extraction parseAndExtract() throws MalformedArticleException {
        byte[] bytes = articles.get(next++ % articles.size());
        Article article = parser.parse(bytes, "bench.xml");
        return extractor.extract(article, ref -> resolver.resolve(article.metadata(), ref));
    }
}
