package org.citelens.resolve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the works registry that belongs to an index folder. */
public final class WorksRegistries {
    /** The registry's own Lucene index, beside the statements. */
    public static final String WORKS_DIR = "works";

    private WorksRegistries() {}

    /** The registry kept beside the statements in {@code indexDir}; close it to persist what was registered. */
    public static ClosableWorksRegistry open(Path indexDir) throws IOException {
        Path dir = indexDir.resolve(WORKS_DIR);
        Files.createDirectories(dir);
        return PersistentWorksRegistry.open(dir);
    }

    /** The works of an index folder for lookups (the server); empty when no ingest has written any yet. */
    public static PersistentWorksRegistry openReadOnly(Path indexDir) throws IOException {
        Path dir = indexDir.resolve(WORKS_DIR);
        if (!Files.isDirectory(dir)) {
            throw new IOException("no works registry in " + indexDir + ": run ingest first");
        }
        return PersistentWorksRegistry.openReadOnly(dir);
    }

    /** A registry with a lifetime: ingest closes it when done. */
    public interface ClosableWorksRegistry extends WorksRegistry, java.io.Closeable {}
}
