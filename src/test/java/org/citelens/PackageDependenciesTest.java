package org.citelens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package structure the README's architecture section draws, checked on the sources: dependencies point one
 * way ({@code cli} -> {@code api} and {@code ingest} -> the stages -> {@code model}), no stage imports
 * {@code ingest}, {@code api} or {@code cli}, no system property changes behaviour outside {@code cli}, and no two
 * classes share a simple name. A plain scan of {@code org.citelens.*} names (imports, qualified names, links in
 * comments alike): no dependency to download, and a sub-package such as {@code parse.jats} counts as its parent.
 */
class PackageDependenciesTest {
    /** Every package and the packages it may use; anything not listed is a violation. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("model", Set.of()),
            Map.entry("parse", Set.of("model")),
            Map.entry("extract", Set.of("model")),
            Map.entry("resolve", Set.of("model")),
            Map.entry("classify", Set.of("model")),
            Map.entry("crawl", Set.of("model", "parse")),
            Map.entry("export", Set.of("model")),
            Map.entry("index", Set.of("model", "export")),
            Map.entry("solr", Set.of("model", "export", "index")),
            // notice: editorial notices beside an index; feedback: readers' and curators' labels beside it
            Map.entry("notice", Set.of("model")),
            Map.entry("feedback", Set.of("model", "index", "export")),
            Map.entry(
                    "ingest",
                    Set.of("model", "parse", "extract", "resolve", "classify", "index", "solr", "notice")),
            // relabel: orchestration beside ingest (it reuses ingest's labeller and progress line)
            Map.entry("relabel", Set.of("model", "classify", "index", "ingest")),
            // check: the reference check of a manuscript, orchestration beside ingest (it reuses ingest's labeller)
            Map.entry(
                    "check",
                    Set.of("model", "parse", "resolve", "extract", "classify", "index", "export", "ingest")),
            // harvest: orchestration over the crawler's fetch rules, the parsers' check, ingest and the index
            Map.entry("harvest", Set.of("model", "crawl", "parse", "classify", "index", "ingest")),
            Map.entry("api", Set.of("model", "index", "export", "resolve", "check", "notice", "feedback")),
            Map.entry(
                    "cli",
                    Set.of(
                            "model",
                            "parse",
                            "resolve",
                            "classify",
                            "crawl",
                            "export",
                            "index",
                            "solr",
                            "ingest",
                            "relabel",
                            "check",
                            "harvest",
                            "notice",
                            "feedback",
                            "api")));

    private static final Set<String> ORCHESTRATION = Set.of("ingest", "relabel", "check", "harvest", "api", "cli");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.citelens\\.([a-z]+)");
    private static final Pattern PROPERTY_READ = Pattern.compile(
            "System\\.getProperty\\(|Integer\\.getInteger\\(|Long\\.getLong\\(|Boolean\\.getBoolean\\(");

    private static final Map<Path, String> SOURCES = new TreeMap<>();

    @BeforeAll
    static void readSources() throws IOException {
        Path root = Path.of("src/main/java/org/citelens");
        assertTrue(Files.isDirectory(root), "run from the project folder: no " + root.toAbsolutePath());
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList())
                SOURCES.put(f, Files.readString(f));
        }
        assertTrue(SOURCES.size() > 100, "sources found: " + SOURCES.size());
    }

    private static String packageOf(Path file) {
        return Path.of("src/main/java/org/citelens").relativize(file).getName(0).toString();
    }

    @Test
    void dependenciesPointOneWay() {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<Path, String> e : SOURCES.entrySet()) {
            String from = packageOf(e.getKey());
            Set<String> allowed = ALLOWED.get(from);
            if (allowed == null) {
                violations.add(from + " is not in the architecture (README, PackageDependenciesTest.ALLOWED)");
                continue;
            }
            Matcher m = REFERENCE.matcher(e.getValue());
            Set<String> used = new TreeSet<>();
            while (m.find()) used.add(m.group(1));
            used.remove(from);
            for (String to : used) {
                if (!allowed.contains(to)) violations.add(e.getKey().getFileName() + ": " + from + " -> " + to);
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void theAllowedGraphHasNoCycleAndNoStageReachesAnOrchestration() {
        for (String from : ALLOWED.keySet()) {
            Set<String> reached = new TreeSet<>();
            List<String> todo = new ArrayList<>(ALLOWED.get(from));
            while (!todo.isEmpty()) {
                String p = todo.removeLast();
                if (reached.add(p)) todo.addAll(ALLOWED.get(p));
            }
            assertTrue(!reached.contains(from), from + " reaches itself: " + reached);
            if (!ORCHESTRATION.contains(from)) {
                assertTrue(
                        reached.stream().noneMatch(ORCHESTRATION::contains),
                        from + " is a stage and reaches " + reached);
            }
        }
        assertTrue(ALLOWED.get("cli").contains("api") && !ALLOWED.get("api").contains("cli"), "cli -> api, never back");
    }

    @Test
    void noSystemPropertyIsReadOutsideCli() {
        List<String> readers = SOURCES.entrySet().stream()
                .filter(e -> !packageOf(e.getKey()).equals("cli")
                        && PROPERTY_READ.matcher(e.getValue()).find())
                .map(e -> e.getKey().getFileName().toString())
                .toList();
        assertEquals(List.of(), readers);
    }

    @Test
    void noTwoClassesShareASimpleName() {
        Map<String, List<String>> byName = new TreeMap<>();
        for (Path f : SOURCES.keySet()) {
            String name = f.getFileName().toString();
            if (!name.equals("package-info.java"))
                byName.computeIfAbsent(name, k -> new ArrayList<>()).add(packageOf(f));
        }
        byName.values().removeIf(packages -> packages.size() == 1);
        assertEquals(Map.of(), byName);
    }

    @Test
    void everyPackageSaysWhatItIsFor() {
        Set<Path> folders = new TreeSet<>();
        for (Path f : SOURCES.keySet()) folders.add(f.getParent());
        List<Path> missing = folders.stream()
                .filter(d -> !SOURCES.containsKey(d.resolve("package-info.java")))
                .toList();
        assertEquals(List.of(), missing);
    }
}
