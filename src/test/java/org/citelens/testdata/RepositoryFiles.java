package org.citelens.testdata;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data the tests read, all under the repository's {@code corpus/}: the bundled JATS articles, the publisher
 * pages and GROBID TEI files used as parser fixtures, and the labelled training sets. Paths are relative to the
 * project folder (surefire's working directory), so a clone anywhere finds them.
 */
public final class RepositoryFiles {
    private RepositoryFiles() {}

    /** The bundled JATS corpus: {@code -Dcitelens.corpus} (surefire sets it), else {@code corpus/europepmc-crops}. */
    public static Path corpus() {
        return folder(Path.of(System.getProperty("citelens.corpus", "corpus/europepmc-crops")));
    }

    /** {@code corpus/}: the bundled corpus and the fixture folders beside it. */
    public static Path dataRoot() {
        return folder(Path.of("corpus"));
    }

    /** {@code extension/}: the browser extension, loaded unpacked by the extension's browser test. */
    public static Path extension() {
        return folder(Path.of("extension"));
    }

    public static Path publisherHtml() {
        return folder(dataRoot().resolve("publisher-html"));
    }

    public static Path grobidTei() {
        return folder(dataRoot().resolve("grobid-tei"));
    }

    /** A labelled set of {@code corpus/datasets} ("clinical.tsv"). */
    public static Path dataset(String file) {
        Path p = dataRoot().resolve("datasets").resolve(file);
        if (!Files.isRegularFile(p)) throw new IllegalStateException("dataset not found: " + p.toAbsolutePath());
        return p;
    }

    private static Path folder(Path p) {
        if (!Files.isDirectory(p)) throw new IllegalStateException("test data folder not found: " + p.toAbsolutePath());
        return p;
    }
}
