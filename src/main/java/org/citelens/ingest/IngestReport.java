package org.citelens.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * What an ingest did: the summary printed at the end and the {@code ingest-report.json} kept in the index folder.
 *
 * @param files article files found in the corpus
 * @param articles articles whose statements are now in the index
 * @param statementsInIndex statements in the index after the final commit (earlier ingests included)
 * @param elapsedMillis from the start of the command's work to the final commit (JVM start excluded)
 * @param cpuMillis CPU time the process spent meanwhile (all threads, JIT and GC included): on a shared machine
 *     a steadier measure of the work than wall time
 */
public record IngestReport(
        String corpus,
        String index,
        int threads,
        long files,
        long articles,
        long statements,
        long markers,
        long unlinkedMarkers,
        List<SkippedFile> skipped,
        long statementsInIndex,
        long elapsedMillis,
        long cpuMillis) {

    public static final String FILE_NAME = "ingest-report.json";

    /**
     * A file that yielded nothing, with why; {@code pass} is "read", "parse" or "extract"; {@code kind} is a stable
     * name for the reason ("too-large", "encoding", "malformed-xml", "time-limit", "duplicate", "not-an-article"...)
     * that a program reading the report can count by.
     */
    public record SkippedFile(String file, String pass, String reason, String kind)
            implements java.io.Serializable {
        public SkippedFile(String file, String pass, String reason) {
            this(file, pass, reason, pass + "-error");
        }
    }

    public IngestReport {
        skipped = List.copyOf(skipped);
    }

    public double articlesPerSecond() {
        return elapsedMillis == 0 ? 0 : articles * 1000.0 / elapsedMillis;
    }

    public double statementsPerSecond() {
        return elapsedMillis == 0 ? 0 : statements * 1000.0 / elapsedMillis;
    }

    /** Articles per second of CPU time: what one fully available core would do. */
    public double articlesPerCpuSecond() {
        return cpuMillis <= 0 ? 0 : articles * 1000.0 / cpuMillis;
    }

    /** Writes the report as JSON into the index folder (atomically, so a reader never sees half of it). */
    public void writeTo(Path indexDir) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        var node = json.valueToTree(this);
        ((com.fasterxml.jackson.databind.node.ObjectNode) node)
                .put("articlesPerSecond", Math.round(articlesPerSecond() * 10) / 10.0)
                .put("statementsPerSecond", Math.round(statementsPerSecond() * 10) / 10.0)
                .put("articlesPerCpuSecond", Math.round(articlesPerCpuSecond() * 10) / 10.0);
        Path tmp = indexDir.resolve(FILE_NAME + ".tmp");
        json.writeValue(tmp.toFile(), node);
        Files.move(
                tmp, indexDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public void printSummary(PrintStream out) {
        out.printf(
                Locale.ROOT,
                "ingest done: %d files, %d articles indexed, %d statements (%d markers, %d unlinked),"
                        + " %d skipped, in %.1f s: %.1f articles/s, %.0f statements/s (%.1f s CPU, %.1f articles per CPU-second);"
                        + " the index now holds %d statements%n",
                files,
                articles,
                statements,
                markers,
                unlinkedMarkers,
                skipped.size(),
                elapsedMillis / 1000.0,
                articlesPerSecond(),
                statementsPerSecond(),
                cpuMillis / 1000.0,
                articlesPerCpuSecond(),
                statementsInIndex);
        if (!skipped.isEmpty()) {
            java.util.Map<String, Integer> byKind = new java.util.TreeMap<>();
            for (SkippedFile s : skipped) byKind.merge(s.kind(), 1, Integer::sum);
            StringBuilder line = new StringBuilder("  skipped by reason:");
            byKind.forEach((k, n) -> line.append(' ').append(k).append('=').append(n));
            out.println(line);
        }
        int shown = 0;
        for (SkippedFile s : skipped) {
            if (shown++ == 50) {
                out.printf("  ... and %d more skipped files: see %s%n", skipped.size() - 50, FILE_NAME);
                break;
            }
            out.printf("  skipped %s (%s, %s): %s%n", s.file(), s.pass(), s.kind(), s.reason());
        }
    }
}
