package org.citelens.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.citelens.testdata.RepositoryFiles;

/** The reliability tests' real articles: the smallest of the bundled corpus. */
final class ReliabilityData {
    private ReliabilityData() {}

    static Path corpus() {
        return RepositoryFiles.corpus();
    }

    /** The n smallest JATS articles of the bundled corpus, as corpus-relative paths, smallest first. */
    static List<String> smallestJats(int n) throws IOException {
        Path corpus = corpus();
        try (Stream<Path> s = Files.walk(corpus)) {
            return s.filter(p -> p.toString().endsWith(".xml"))
                    .sorted(Comparator.comparingLong(ReliabilityData::size).thenComparing(Path::toString))
                    .limit(n)
                    .map(p -> corpus.relativize(p).toString().replace('\\', '/'))
                    .toList();
        }
    }

    /** Copies the n smallest JATS articles into {@code corpus} under their corpus-relative paths. */
    static List<String> copySmallestJats(Path corpus, int n) throws IOException {
        List<String> names = smallestJats(n);
        for (String name : names) {
            Path to = corpus.resolve(name);
            Files.createDirectories(to.getParent());
            Files.copy(corpus().resolve(name), to);
        }
        return names;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
