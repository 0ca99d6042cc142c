package org.citelens.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.citelens.cli.Args;
import org.citelens.cli.IngestCommand;
import org.citelens.testdata.RepositoryFiles;

/**
 * A real index of 20 bundled corpus articles, ingested once per test JVM with the real ingest command: 16 that
 * cite 10.1006/meth.2001.1262 (found by grepping the XML, independently of the parser) and 4 that do not.
 */
public final class CorpusIndex {
    public static final String LIVAK = "10.1006/meth.2001.1262";
    static final int CITING_LIVAK = 16;

    private static Path corpus;
    private static Path index;

    private CorpusIndex() {}

    public static synchronized Path index() {
        if (index == null) {
            try {
                corpus = Files.createTempDirectory("citelens-api-corpus");
                for (Path f : selection()) {
                    Path target = corpus.resolve(bundled().relativize(f));
                    Files.createDirectories(target.getParent());
                    Files.copy(f, target);
                }
                index = Files.createTempDirectory("citelens-api-index");
                ingest(corpus, index);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return index;
    }

    static synchronized Path corpus() {
        index();
        return corpus;
    }

    static void ingest(Path corpusDir, Path indexDir) {
        int code;
        try {
            code = new IngestCommand()
                    .run(new Args(List.of("--corpus", corpusDir.toString(), "--index", indexDir.toString())));
        } catch (Exception e) {
            throw new IllegalStateException("ingest failed", e);
        }
        if (code != 0) throw new IllegalStateException("ingest exited with " + code);
    }

    static Path bundled() {
        return RepositoryFiles.corpus();
    }

    /** The files whose raw XML names the DOI; the count in the test is what the grep finds, not what we parse. */
    static List<Path> filesCiting(String doi) {
        try (Stream<Path> files = Files.walk(bundled())) {
            return files.filter(f -> f.toString().endsWith(".xml"))
                    .sorted()
                    .filter(f -> contains(f, doi))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> selection() throws IOException {
        List<Path> citing = filesCiting(LIVAK);
        List<Path> chosen = new ArrayList<>(citing.subList(0, CITING_LIVAK));
        try (Stream<Path> files = Files.walk(bundled())) {
            files.filter(f -> f.toString().endsWith(".xml"))
                    .sorted()
                    .filter(f -> !citing.contains(f))
                    .limit(4)
                    .forEach(chosen::add);
        }
        return chosen;
    }

    private static boolean contains(Path f, String doi) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8)
                    .toLowerCase(java.util.Locale.ROOT)
                    .contains(doi);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
