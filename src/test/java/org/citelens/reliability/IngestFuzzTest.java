package org.citelens.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.citelens.cli.Args;
import org.citelens.cli.ExportCommand;
import org.citelens.cli.IngestCommand;
import org.citelens.ingest.IngestReport;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input: ingest (the real command) of more than 1,000 generated broken and hostile files mixed with
 * 20 good articles finishes, indexes the good ones with exactly the statements a clean ingest of just them gives,
 * reports every other file with a reason (in the summary and in ingest-report.json), and never reads the canary
 * file or connects anywhere because a document said so.
 * Measured and explained in docs/reliability.md, "Bad input: per-document limits and the fuzz corpus".
 */
class IngestFuzzTest {
    private static final long SEED = 20261126L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    @Timeout(300)
    void ingestOfAThousandBadFilesKeepsEveryGoodStatementAndLetsNothingOut() throws Exception {
        // every parser: 16 JATS articles, 2 publisher pages and 2 GROBID TEI documents
        Map<String, Path> good = new java.util.LinkedHashMap<>();
        for (String name : ReliabilityData.smallestJats(16))
            good.put(name, ReliabilityData.corpus().resolve(name));
        Path shared = RepositoryFiles.dataRoot();
        for (String name : List.of(
                "publisher-html/hindawi__801626.html",
                "publisher-html/pensoft__4478.html",
                "grobid-tei/s2orc-doc2json/N18-3011.tei.xml",
                "grobid-tei/grobid-client-python/0f318087-b211-4ace-8ac9-3d9372a73c1c.tei.xml")) {
            good.put(name, shared.resolve(name));
        }
        List<String> goodNames = new ArrayList<>(good.keySet());
        Path clean = tmp.resolve("clean");
        Path fuzzed = tmp.resolve("fuzzed");
        List<Path> goodCopies = new ArrayList<>();
        for (var g : good.entrySet()) {
            for (Path corpus : List.of(clean, fuzzed)) {
                Path to = corpus.resolve("a-good").resolve(g.getKey());
                Files.createDirectories(to.getParent());
                Files.copy(g.getValue(), to);
            }
            goodCopies.add(fuzzed.resolve("a-good").resolve(g.getKey()));
        }
        String canaryText = "CANARY-" + UUID.randomUUID();
        Path canary = tmp.resolve("canary.txt");
        Files.writeString(canary, canaryText);
        Map<String, FuzzCorpus.Expectation> generated;
        Map<String, String> cleanStatements;
        Map<String, String> fuzzedStatements;
        String summary;
        JsonNode report;
        try (ConnectionRecorder recorder = new ConnectionRecorder()) {
            generated = new FuzzCorpus(fuzzed, goodCopies, SEED)
                    .generate(canary, recorder)
                    .files();
            assertTrue(generated.size() >= 1000, "at least 1,000 generated files: " + generated.size());

            assertEquals(0, ingest(clean, tmp.resolve("clean-index")).exitCode);
            cleanStatements = export(tmp.resolve("clean-index"));
            Outcome run = ingest(fuzzed, tmp.resolve("fuzzed-index"));
            assertEquals(0, run.exitCode, run.stderr);
            summary = run.stderr;
            fuzzedStatements = export(tmp.resolve("fuzzed-index"));
            report = JSON.readTree(
                    tmp.resolve("fuzzed-index").resolve(IngestReport.FILE_NAME).toFile());
            assertEquals(0, recorder.connections(), "connections made because a document asked for them");
        }

        // every good article is indexed with exactly its clean statements
        assertTrue(cleanStatements.size() > 200, "the 20 good articles yield statements: " + cleanStatements.size());
        for (String format : List.of("html", "tei.xml")) {
            assertTrue(
                    cleanStatements.values().stream().anyMatch(l -> sourceOf(l).endsWith(format)),
                    format + " statements");
        }
        Map<String, String> goodInFuzzed = new TreeMap<>();
        fuzzedStatements.forEach((id, line) -> {
            if (sourceOf(line).startsWith("a-good/")) goodInFuzzed.put(id, line);
        });
        IngestCrashTest.assertSameStatements(cleanStatements, goodInFuzzed);

        // every file is accounted for: indexed as an article or skipped with a reason
        int total = generated.size() + goodNames.size();
        assertEquals(total, report.get("files").asInt());
        Map<String, JsonNode> skipped = new HashMap<>();
        for (JsonNode s : report.get("skipped")) skipped.put(s.get("file").asText(), s);
        assertEquals(total, report.get("articles").asInt() + skipped.size(), "articles + skipped = files");
        for (String g : goodNames) assertFalse(skipped.containsKey("a-good/" + g), g + " was skipped");
        int newArticles = report.get("articles").asInt() - goodNames.size();
        assertTrue(
                newArticles <= 10,
                "a mutant that parses is a duplicate of its original unless the mutation hit its"
                        + " identifiers, which a few random bytes rarely do: " + newArticles);
        int unexplained = 0;
        Map<String, Integer> byKind = new TreeMap<>();
        for (var e : generated.entrySet()) {
            JsonNode s = skipped.get(e.getKey());
            if (s == null) {
                unexplained++;
                assertTrue(
                        e.getValue().kinds().isEmpty(),
                        e.getKey() + " (" + e.getValue().category() + ") was indexed");
                continue;
            }
            String kind = s.get("kind").asText();
            byKind.merge(kind, 1, Integer::sum);
            assertFalse(s.get("reason").asText().isBlank(), e.getKey());
            if (!e.getValue().kinds().isEmpty()) {
                assertTrue(
                        e.getValue().kinds().contains(kind),
                        e.getKey() + " (" + e.getValue().category() + ") expected "
                                + e.getValue().kinds() + " but was " + kind + ": "
                                + s.get("reason").asText());
            }
        }
        assertEquals(
                newArticles, unexplained, "only mutants indexed as new articles are missing from the skipped list");

        // the summary names the reasons, and nothing a document pointed at was read
        assertTrue(summary.contains("skipped by reason:"), summary);
        for (String kind : byKind.keySet()) assertTrue(summary.contains(kind + "="), kind + " in the summary");
        for (String line : fuzzedStatements.values()) assertFalse(line.contains(canaryText), "canary leaked: " + line);
        System.out.printf(
                "fuzz ingest: %d generated + %d good files, %d articles indexed, %d skipped by kind %s%n",
                generated.size(), goodNames.size(), report.get("articles").asInt(), skipped.size(), byKind);
    }

    private static String sourceOf(String jsonLine) {
        try {
            return JSON.readTree(jsonLine).get("citing").get("source").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    record Outcome(int exitCode, String stderr) {}

    /** Runs the real ingest command, capturing what it prints on stderr. */
    static Outcome ingest(Path corpus, Path index) throws Exception {
        PrintStream old = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = new IngestCommand()
                    .run(new Args(
                            List.of("--corpus", corpus.toString(), "--index", index.toString(), "--threads", "2")));
            return new Outcome(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(old);
        }
    }

    /** Every statement of the index as its JSON line, by statement id. */
    static Map<String, String> export(Path index) throws Exception {
        Path out = index.resolveSibling(index.getFileName() + ".jsonl");
        assertEquals(
                0,
                new ExportCommand()
                        .run(new Args(
                                List.of("--index", index.toString(), "--format", "jsonl", "--out", out.toString()))));
        Map<String, String> byId = new HashMap<>();
        for (String line : Files.readAllLines(out)) {
            if (line.isBlank()) continue;
            String id = JSON.readTree(line).get("id").asText();
            if (byId.put(id, line) != null) throw new AssertionError("duplicate statement id " + id);
        }
        return byId;
    }
}
