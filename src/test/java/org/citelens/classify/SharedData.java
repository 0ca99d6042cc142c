package org.citelens.classify;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds ../shared/datasets: the surefire property when that folder exists, else /work/shared. */
final class SharedData {
    private SharedData() {}

    static Path dataset(String file) {
        String prop = System.getProperty("citelens.shared");
        Path shared = prop != null && Files.isDirectory(Path.of(prop)) ? Path.of(prop) : Path.of("/work/shared");
        Path p = shared.resolve("datasets").resolve(file);
        if (!Files.isRegularFile(p)) throw new IllegalStateException("dataset not found: " + p);
        return p;
    }
}
