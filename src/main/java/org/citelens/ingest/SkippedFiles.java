package org.citelens.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The files one ingest passed over, with the pass and the reason, as every worker reports them. */
final class SkippedFiles {
    private final Path corpus;
    private final ConcurrentLinkedQueue<IngestReport.SkippedFile> files = new ConcurrentLinkedQueue<>();

    SkippedFiles(Path corpus) {
        this.corpus = corpus;
    }

    void add(Path file, String pass, String reason, String kind) {
        files.add(new IngestReport.SkippedFile(source(file), pass, reason, kind));
    }

    /** A later file (in path order) that holds the same article as {@code first}: the first one is kept. */
    void addDuplicate(Path file, Path first, String articleId) {
        add(file, "parse", "duplicate of " + source(first) + " (same article id " + articleId + ")", "duplicate");
    }

    long count() {
        return files.size();
    }

    /** By file name, so the report does not depend on the workers' timing. */
    List<IngestReport.SkippedFile> sorted() {
        List<IngestReport.SkippedFile> out = new ArrayList<>(files);
        out.sort(Comparator.comparing(IngestReport.SkippedFile::file));
        return out;
    }

    /** What {@link #sorted()} would give, emptying the list: for a caller that hands them on file by file. */
    List<IngestReport.SkippedFile> drain() {
        List<IngestReport.SkippedFile> out = new ArrayList<>();
        for (IngestReport.SkippedFile f; (f = files.poll()) != null; ) out.add(f);
        out.sort(Comparator.comparing(IngestReport.SkippedFile::file));
        return out;
    }

    /** The name a file is reported and parsed under: its path relative to the corpus. */
    String source(Path file) {
        return CorpusFiles.sourceName(corpus, file);
    }
}
