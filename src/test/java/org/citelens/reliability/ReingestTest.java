package org.citelens.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingesting the same corpus again into the same index changes nothing: the ground the crash test stands on. */
class ReingestTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondIngestOfTheSameCorpusLeavesTheSameStatements() throws Exception {
        Path corpus = tmp.resolve("corpus");
        ReliabilityData.copySmallestJats(corpus, 30);
        Path index = tmp.resolve("index");
        assertEquals(0, IngestFuzzTest.ingest(corpus, index).exitCode());
        Map<String, String> first = IngestFuzzTest.export(index);
        assertEquals(0, IngestFuzzTest.ingest(corpus, index).exitCode());
        IngestCrashTest.assertSameStatements(first, IngestFuzzTest.export(index));
    }
}
