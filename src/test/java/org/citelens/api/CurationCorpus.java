package org.citelens.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.citelens.cli.Args;
import org.citelens.cli.IngestCommand;
import org.citelens.testdata.RepositoryFiles;

/**
 * A small real corpus for the notice and feedback tests: the six bundled holy-basil articles that cite
 * 10.4103/0973-7847.65323 (published 2014 to 2018) and the JATS notice fixtures of corpus/notices/jats, ingested
 * with the fast labeller into a fresh index per call (these tests write beside the index, so none is shared).
 */
final class CurationCorpus {
    static final String RETRACTED = "10.4103/0973-7847.65323";
    static final List<String> ARTICLES = List.of(
            "osanctum/PMC4125705.xml",
            "osanctum/PMC4445982.xml",
            "osanctum/PMC4889806.xml",
            "osanctum/PMC5376420.xml",
            "osanctum/PMC5860693.xml",
            "osanctum/PMC6239295.xml");

    private CurationCorpus() {}

    /** Copies the articles and notices into {@code dir}/corpus and ingests them into {@code dir}/index. */
    static Path build(Path dir) {
        try {
            Path corpus = dir.resolve("corpus");
            for (String a : ARTICLES) {
                Path target = corpus.resolve(a);
                Files.createDirectories(target.getParent());
                Files.copy(RepositoryFiles.corpus().resolve(a), target);
            }
            Path notices = corpus.resolve("notices");
            Files.createDirectories(notices);
            try (Stream<Path> files = Files.list(RepositoryFiles.dataRoot().resolve("notices/jats"))) {
                for (Path f : files.toList()) Files.copy(f, notices.resolve(f.getFileName()));
            }
            Path index = dir.resolve("index");
            ingest(corpus, index);
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void ingest(Path corpus, Path index) {
        int code;
        try {
            code = new IngestCommand()
                    .run(new Args(List.of(
                            "--corpus", corpus.toString(), "--index", index.toString(), "--labeller", "fast")));
        } catch (Exception e) {
            throw new IllegalStateException("ingest failed", e);
        }
        if (code != 0) throw new IllegalStateException("ingest exited with " + code);
    }

    static Path corpusOf(Path index) {
        return index.resolveSibling("corpus");
    }
}
