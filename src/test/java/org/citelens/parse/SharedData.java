package org.citelens.parse;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find ../shared: the surefire property when that folder exists, else the machine's /work/shared. */
final class SharedData {
    private SharedData() {}

    static Path dir() {
        String prop = System.getProperty("citelens.shared");
        if (prop != null && Files.isDirectory(Path.of(prop, "corpus"))) return Path.of(prop);
        Path sibling = Path.of("..", "shared");
        if (Files.isDirectory(sibling.resolve("corpus"))) return sibling;
        return Path.of("/work/shared");
    }

    static Path publisherHtml() {
        return dir().resolve("corpus/publisher-html");
    }

    static Path grobidTei() {
        return dir().resolve("corpus/grobid-tei");
    }

    static Path corpus() {
        String prop = System.getProperty("citelens.corpus");
        return prop != null ? Path.of(prop) : Path.of("corpus");
    }
}
