package org.citelens.relabel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.citelens.classify.CitationClassifier;
import org.citelens.classify.Classifiers;
import org.citelens.index.StatementIndexWriter;
import org.citelens.index.StatementsByArticle;
import org.citelens.ingest.CorpusIngest;
import org.citelens.ingest.IngestOptions;
import org.citelens.model.CitationStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Relabelling an index built by the previous release (fast labels, no {@code labelModel} recorded) with the shipped
 * transformer: same statements, new labels and model name on every one, and nothing to do on a second run.
 */
class IndexRelabellerTest {
    @TempDir
    Path tmp;

    @Test
    void relabelsAPreviousReleaseIndexInPlace() throws Exception {
        Path index = previousReleaseIndex(tmp, 20);
        Map<String, CitationStatement> before = statements(index);
        assertTrue(before.values().stream().allMatch(s -> s.labelModel() == null));

        CitationClassifier transformer = Classifiers.named(Classifiers.DEFAULT, 1);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        RelabelReport report = new IndexRelabeller(
                        transformer, 2, new PrintStream(progress, true, StandardCharsets.UTF_8), false)
                .run(index);

        Map<String, CitationStatement> after = statements(index);
        assertEquals(before.keySet(), after.keySet(), "the same statements, none added or lost");
        assertTrue(after.values().stream().allMatch(s -> transformer.name().equals(s.labelModel())));
        long articles = before.values().stream()
                .map(s -> s.citing().articleId())
                .distinct()
                .count();
        assertTrue(articles >= 5, "articles with statements: " + articles);
        assertEquals(articles, report.articles());
        assertEquals(before.size(), report.statements());
        assertEquals(before.size(), report.labelledByModel());
        long changed = before.keySet().stream()
                .filter(id -> before.get(id).label() != after.get(id).label()
                        || before.get(id).confidence() != after.get(id).confidence())
                .count();
        assertTrue(changed > 0, "the transformer changes labels or confidences");
        for (String id : before.keySet()) {
            assertEquals(before.get(id).sentence(), after.get(id).sentence());
            assertEquals(before.get(id).cited(), after.get(id).cited());
        }
        assertTrue(
                progress.toString(StandardCharsets.UTF_8).contains("relabel"),
                progress.toString(StandardCharsets.UTF_8));

        RelabelReport again =
                new IndexRelabeller(transformer, 2, new PrintStream(new ByteArrayOutputStream()), false).run(index);
        assertEquals(0, again.articles(), "a second run finds nothing left to relabel");
        assertEquals(articles, again.alreadyLabelled());
    }

    /** An index as the previous release wrote it: fast-model labels and no labelModel on any statement. */
    static Path previousReleaseIndex(Path tmp, int articles) throws Exception {
        Path corpus = tmp.resolve("corpus");
        copySmallestJats(corpus, articles);
        Path index = tmp.resolve("index");
        new CorpusIngest(
                        IngestOptions.defaults(corpus, index),
                        Classifiers.shipped(),
                        new PrintStream(new ByteArrayOutputStream()),
                        false)
                .run();
        Map<String, List<CitationStatement>> byArticle = new HashMap<>();
        for (CitationStatement s : statements(index).values()) {
            byArticle
                    .computeIfAbsent(s.citing().articleId(), k -> new ArrayList<>())
                    .add(s.withLabel(s.label(), s.confidence(), null));
        }
        try (StatementIndexWriter w = StatementIndexWriter.open(index)) {
            for (var e : byArticle.entrySet()) w.replaceArticle(e.getKey(), e.getValue());
            w.commit();
        }
        assertNull(statements(index).values().iterator().next().labelModel());
        return index;
    }

    static Map<String, CitationStatement> statements(Path index) throws IOException {
        Map<String, CitationStatement> out = new HashMap<>();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            StatementsByArticle byArticle = new StatementsByArticle(reader);
            for (String article : byArticle.articlesNotLabelledBy("-none-")) {
                for (CitationStatement s : byArticle.statementsOf(article)) {
                    if (out.put(s.id(), s) != null) throw new AssertionError("duplicate statement " + s.id());
                }
            }
        }
        return out;
    }

    static void copySmallestJats(Path to, int n) throws IOException {
        Path corpus = org.citelens.testdata.RepositoryFiles.corpus();
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpus)) {
            files = s.filter(p -> p.toString().endsWith(".xml")
                            && p.getFileName().toString().startsWith("PMC"))
                    .sorted(Comparator.comparingLong(IndexRelabellerTest::size).thenComparing(Path::toString))
                    .limit(n)
                    .toList();
        }
        for (Path f : files) {
            Path dest = to.resolve(corpus.relativize(f));
            Files.createDirectories(dest.getParent());
            Files.copy(f, dest);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
