package org.citelens.index;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The coverage of harvested works, kept beside the Lucene files as {@code harvest-coverage.json} (cited DOI to
 * {@link Coverage}). Beside rather than inside the index because it is a fact about the sources, not about any
 * statement, and a re-harvest replaces it without touching the statements. Replaced atomically (temporary file,
 * then move), so a reader never sees half a file; a reader re-reads it only when its modification time changed.
 */
public final class CoverageFile {
    public static final String FILE_NAME = "harvest-coverage.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Snapshot(FileTime modified, Map<String, Coverage> byDoi) {}

    private final Path file;
    private volatile Snapshot snapshot = new Snapshot(FileTime.fromMillis(0), Map.of());

    public CoverageFile(Path indexDir) {
        this.file = indexDir.resolve(FILE_NAME);
    }

    /** The coverage recorded for a normalised DOI, if a harvest recorded one. */
    public Optional<Coverage> get(String doi) {
        return Optional.ofNullable(current().byDoi().get(doi));
    }

    /** Changes whenever the file does: part of the store's version, so cached tallies pick a new coverage up. */
    public long stamp() {
        return current().modified().toMillis();
    }

    /** Records (or replaces) the coverage of some cited DOIs, keeping the others. */
    public synchronized void record(Map<String, Coverage> coverage) throws IOException {
        Map<String, Coverage> all = new TreeMap<>(read());
        all.putAll(coverage);
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        Files.createDirectories(file.getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), all);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Snapshot current() {
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return snapshot = new Snapshot(FileTime.fromMillis(0), Map.of());
        }
        Snapshot s = snapshot;
        if (s.modified().equals(modified)) return s;
        try {
            s = new Snapshot(modified, Map.copyOf(read()));
        } catch (IOException e) {
            // A damaged file must not break tallies: they are then shown without a coverage, as before any harvest.
            s = new Snapshot(modified, Map.of());
        }
        snapshot = s;
        return s;
    }

    private Map<String, Coverage> read() throws IOException {
        try {
            return JSON.readValue(file.toFile(), new TypeReference<TreeMap<String, Coverage>>() {});
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return Map.of();
        }
    }
}
