package org.citelens.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.citelens.resolve.WorksRegistries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes: ingest in its own JVM is killed with SIGKILL at random moments (during start-up, parsing and
 * indexing with frequent intermediate commits) at least ten times and restarted each time; the run that finally
 * completes leaves exactly the statements of a clean run (same ids, same content, no duplicates) and indexes that
 * Lucene's CheckIndex finds clean.
 * Measured and explained in docs/reliability.md, "Crashes lose nothing".
 */
class IngestCrashTest {
    private static final int ARTICLES = 60;
    private static final int KILLS = 10;

    @TempDir
    Path tmp;

    @Test
    @Timeout(400)
    void sigkilledIngestRestartsToExactlyTheCleanIndex() throws Exception {
        Path corpus = tmp.resolve("corpus");
        ReliabilityData.copySmallestJats(corpus, ARTICLES);
        Path cleanIndex = tmp.resolve("clean-index");
        assertEquals(0, IngestFuzzTest.ingest(corpus, cleanIndex).exitCode());
        Map<String, String> clean = IngestFuzzTest.export(cleanIndex);

        Path index = tmp.resolve("index");
        String[] ingest = {
            "ingest",
            "--corpus",
            corpus.toString(),
            "--index",
            index.toString(),
            "--threads",
            "2",
            "--commit-every",
            "3"
        };
        Random random = new Random(7);
        int kills = 0;
        int attempts = 0;
        List<String> moments = new ArrayList<>();
        List<Long> committedAfterKill = new ArrayList<>();
        while (kills < KILLS && attempts++ < KILLS * 3) {
            long generation = commitGeneration(index);
            // kill right after the k-th commit of this run: k = 1 is the run's opening commit (still parsing),
            // later ones are intermediate commits while indexing; a run makes about 22, so none completes
            int k = 1 + random.nextInt(8);
            try (ChildProcess child = ChildProcess.start(tmp, ingest)) {
                long deadline = System.nanoTime() + 120_000_000_000L;
                while (child.isAlive() && commitGeneration(index) < generation + k && System.nanoTime() < deadline) {
                    Thread.sleep(2);
                }
                if (k == 1) Thread.sleep(random.nextInt(300));
                if (!child.isAlive()) continue; // it finished (or failed) first: not a crash, try again
                child.kill();
                kills++;
                moments.add(k == 1 ? "parsing" : "after commit " + k);
            }
            committedAfterKill.add(committedStatements(index));
        }
        assertTrue(kills >= KILLS, "killed " + kills + " times in " + attempts + " attempts");
        try (ChildProcess child = ChildProcess.start(tmp, ingest)) {
            assertEquals(0, child.waitFor(180_000), child.output());
        }

        Map<String, String> recovered = IngestFuzzTest.export(index); // fails on any duplicate id
        assertEquals(clean.size(), recovered.size(), "statement count");
        assertSameStatements(clean, recovered);
        assertClean(index);
        assertClean(index.resolve(WorksRegistries.WORKS_DIR));
        assertTrue(
                committedAfterKill.stream().anyMatch(n -> n > 0 && n < clean.size()),
                "some kill landed after an intermediate commit and before the end: " + committedAfterKill);
        System.out.printf(
                "crash test: %d SIGKILLs survived (%s); statements committed when killed %s; final %d = clean %d%n",
                kills, moments, committedAfterKill, recovered.size(), clean.size());
    }

    /** Equal maps, or a failure that names the first differing statements (not both maps in full). */
    static void assertSameStatements(Map<String, String> expected, Map<String, String> actual) {
        List<String> diffs = new ArrayList<>();
        for (var e : new TreeMap<>(expected).entrySet()) {
            String other = actual.get(e.getKey());
            if (!e.getValue().equals(other)) diffs.add("expected " + e.getValue() + "\n     got " + other);
        }
        for (String id : actual.keySet()) if (!expected.containsKey(id)) diffs.add("unexpected " + actual.get(id));
        assertTrue(
                diffs.isEmpty(),
                diffs.size() + " statements differ, first: \n"
                        + String.join("\n", diffs.subList(0, Math.min(3, diffs.size()))));
    }

    private static long commitGeneration(Path index) throws Exception {
        if (!Files.isDirectory(index)) return 0;
        try (var s = Files.list(index)) {
            return SegmentInfos.getLastCommitGeneration(
                    s.map(p -> p.getFileName().toString()).toArray(String[]::new));
        }
    }

    private static long committedStatements(Path index) throws Exception {
        if (!hasSegments(index)) return 0;
        try (Directory dir = FSDirectory.open(index);
                DirectoryReader r = DirectoryReader.open(dir)) {
            return r.numDocs();
        }
    }

    private static boolean hasSegments(Path index) throws Exception {
        if (!Files.isDirectory(index)) return false;
        try (var s = Files.list(index)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith("segments_"));
        }
    }

    private static void assertClean(Path dir) throws Exception {
        try (Directory d = FSDirectory.open(dir);
                CheckIndex check = new CheckIndex(d)) {
            CheckIndex.Status status = check.checkIndex();
            assertTrue(status.clean, "CheckIndex of " + dir + " is not clean");
        }
    }
}
