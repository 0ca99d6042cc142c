package org.citelens.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.citelens.classify.Classifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * relabel in its own JVM is killed with SIGKILL after its first intermediate commit, then run again: every
 * statement ends up labelled exactly once by the new model (same ids, no duplicates, none left with the old label).
 */
class RelabelCrashTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    @Timeout(400)
    void sigkilledRelabelResumesToEveryStatementLabelledOnce() throws Exception {
        Path corpus = tmp.resolve("corpus");
        ReliabilityData.copySmallestJats(corpus, 40);
        Path index = tmp.resolve("index");
        assertEquals(
                0,
                new ChildProcessRun(tmp)
                        .run(
                                "ingest",
                                "--corpus",
                                corpus.toString(),
                                "--index",
                                index.toString(),
                                "--labeller",
                                "fast"));
        Map<String, String> before = IngestFuzzTest.export(index);
        String model = Classifiers.defaultModelName();

        String[] relabel = {"relabel", "--index", index.toString(), "--threads", "1"};
        long generation = generation(index);
        boolean killedMidway = false;
        try (ChildProcess child = ChildProcess.start(tmp, relabel)) {
            long deadline = System.nanoTime() + 180_000_000_000L;
            // the first commit comes two seconds into the run; kill right after it
            while (child.isAlive() && generation(index) <= generation && System.nanoTime() < deadline) Thread.sleep(5);
            if (child.isAlive()) {
                child.kill();
                killedMidway = true;
            }
        }
        long relabelledAtKill = labelledBy(index, model);
        assertTrue(
                killedMidway && relabelledAtKill > 0 && relabelledAtKill < before.size(),
                "the kill landed mid-run: " + relabelledAtKill + " of " + before.size() + " relabelled");

        try (ChildProcess child = ChildProcess.start(tmp, relabel)) {
            assertEquals(0, child.waitFor(240_000), child.output());
        }
        Map<String, String> after = IngestFuzzTest.export(index); // fails on a duplicate id
        assertEquals(before.keySet(), after.keySet());
        for (String line : after.values()) {
            JsonNode n = JSON.readTree(line);
            assertEquals(model, n.path("labelModel").asText(), line);
        }
        System.out.printf(
                "relabel crash test: killed with %d of %d statements relabelled; after the re-run %d of %d by %s%n",
                relabelledAtKill, before.size(), labelledBy(index, model), after.size(), model);
    }

    private static long labelledBy(Path index, String model) throws Exception {
        try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(index))) {
            return new org.citelens.index.StatementsByArticle(r).countLabelledBy(model)[0];
        }
    }

    private static long generation(Path index) throws Exception {
        try (var s = Files.list(index)) {
            return SegmentInfos.getLastCommitGeneration(
                    s.map(p -> p.getFileName().toString()).toArray(String[]::new));
        }
    }

    /** Runs a CLI command in a child JVM to completion. */
    private record ChildProcessRun(Path workDir) {
        int run(String... args) throws Exception {
            try (ChildProcess child = ChildProcess.start(workDir, args)) {
                int code = child.waitFor(240_000);
                if (code != 0) throw new AssertionError(child.output());
                return code;
            }
        }
    }
}
