package org.citelens.extract;

import java.nio.file.Files;
import java.nio.file.Path;

/** The bundled corpus: the {@code citelens.corpus} property set by surefire, else {@code corpus/} here. */
final class CorpusLocation {
    private CorpusLocation() {}

    static Path corpus() {
        String prop = System.getProperty("citelens.corpus");
        Path p = prop != null ? Path.of(prop) : Path.of("corpus");
        if (!Files.isDirectory(p)) throw new IllegalStateException("bundled corpus not found at " + p.toAbsolutePath());
        return p;
    }
}
