package org.citelens.relabel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.citelens.classify.Classifiers;
import org.citelens.index.LuceneStatementStore;
import org.citelens.model.CitationStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real index written by the previous release (Lucene 10.3's codec, no labelModel; src/test/resources/
 * previous-release-index): this build serves it and relabels it in place, without a re-ingest.
 */
class PreviousReleaseIndexTest {
    @TempDir
    Path tmp;

    @Test
    void relabelUpgradesAnIndexOfThePreviousRelease() throws Exception {
        Path index = tmp.resolve("index");
        copy(Path.of("src/test/resources/previous-release-index"), index);
        try (LuceneStatementStore store = LuceneStatementStore.open(index)) {
            assertEquals(229, store.statementCount(), "the old codec is read");
            assertTrue(store.labelModels().isEmpty(), "the previous release recorded no model: " + store.labelModels());
        }
        Map<String, CitationStatement> before = IndexRelabellerTest.statements(index);

        RelabelReport report = new IndexRelabeller(
                        Classifiers.named(Classifiers.DEFAULT, 1),
                        1,
                        new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                        false)
                .run(index);
        assertEquals(229, report.labelledByModel());

        Map<String, CitationStatement> after = IndexRelabellerTest.statements(index);
        assertEquals(before.keySet(), after.keySet());
        String model = Classifiers.defaultModelName();
        assertTrue(after.values().stream().allMatch(s -> model.equals(s.labelModel())));
        assertTrue(
                before.keySet().stream()
                        .anyMatch(id ->
                                before.get(id).confidence() != after.get(id).confidence()),
                "labels or confidences change");
        try (LuceneStatementStore store = LuceneStatementStore.open(index)) {
            assertEquals(Map.of(model, 229L), store.labelModels());
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                if (f.getFileName().toString().equals("README.md")) continue;
                Path dest = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(dest);
                else Files.copy(f, dest);
            }
        }
    }
}
