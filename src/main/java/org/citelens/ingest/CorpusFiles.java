package org.citelens.ingest;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The article files of a corpus folder or a crawl's output: every {@code .xml .nxml .html .htm .tei} file below
 * it, in path order. Everything else (READMEs, manifests, fetch logs, a crawler's {@code *.part} temporaries,
 * hidden folders, an index folder inside the corpus) is not an article and is passed over silently.
 */
public final class CorpusFiles {
    public static final Set<String> EXTENSIONS = Set.of("xml", "nxml", "html", "htm", "tei");

    private CorpusFiles() {}

    public static List<Path> list(Path corpus, Path excludedDir) throws IOException {
        if (!Files.isDirectory(corpus)) throw new IOException("no corpus folder at " + corpus);
        Path excluded =
                excludedDir == null ? null : excludedDir.toAbsolutePath().normalize();
        List<Path> out = new ArrayList<>();
        Files.walkFileTree(corpus, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                boolean hidden =
                        !dir.equals(corpus) && dir.getFileName().toString().startsWith(".");
                boolean isIndex =
                        excluded != null && dir.toAbsolutePath().normalize().equals(excluded);
                return hidden || isIndex ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && isArticleFile(file)) out.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // unreadable entries are reported when read, not here
            }
        });
        out.sort(null);
        return out;
    }

    static boolean isArticleFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.startsWith(".")) return false;
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    /** The file's path relative to the corpus with forward slashes: the article's last-resort identity. */
    public static String sourceName(Path corpus, Path file) {
        return corpus.relativize(file).toString().replace('\\', '/');
    }
}
