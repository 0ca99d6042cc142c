package org.citelens.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citelens.model.EditorialNotice;
import org.citelens.model.NoticeType;

/**
 * The notices of one index, in {@code DIR/notices/notices.json} beside the statement index (which re-ingests
 * rewrite; this file they only add to). Writers (an import, an ingest) take a file lock and replace the file
 * atomically, so a reader never sees half a file and two writers never lose each other's notices; the server
 * re-reads it when it changed. Thread-safe.
 */
public final class NoticeStore {
    static final String FOLDER = "notices";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Path lock;
    private volatile Loaded loaded = new Loaded(null, NoticeBook.EMPTY);

    private record Loaded(Object stamp, NoticeBook book) {}

    /** What a merge changed. */
    public record MergeCounts(int added, int updated, int unchanged) {}

    private NoticeStore(Path dir) {
        this.file = dir.resolve("notices.json");
        this.lock = dir.resolve("notices.lock");
    }

    /** The store of the index in {@code indexDir}; nothing is created until the first merge. */
    public static NoticeStore of(Path indexDir) {
        return new NoticeStore(indexDir.resolve(FOLDER));
    }

    /** The notices as the file holds them now, re-read only when the file changed since the last call. */
    public NoticeBook current() throws IOException {
        Object stamp = stamp();
        Loaded l = loaded;
        if (stamp == null) return NoticeBook.EMPTY;
        if (stamp.equals(l.stamp())) return l.book();
        synchronized (this) {
            if (stamp.equals(loaded.stamp())) return loaded.book();
            // any number that differs from the last file's will do: caches compare versions for equality only
            NoticeBook book = new NoticeBook(read(), (stamp.hashCode() & 0xffffffffL) + 1);
            loaded = new Loaded(stamp, book);
            return book;
        }
    }

    /**
     * Adds notices and replaces those with the same {@link EditorialNotice#key()}, under the file lock; a notice
     * given twice in one call counts once (the last copy wins).
     */
    public MergeCounts merge(Collection<EditorialNotice> notices) throws IOException {
        Files.createDirectories(file.getParent());
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = ch.lock()) {
            Map<String, EditorialNotice> byKey = new LinkedHashMap<>();
            for (EditorialNotice n : read()) byKey.put(n.key(), n);
            Map<String, EditorialNotice> given = new LinkedHashMap<>();
            for (EditorialNotice n : notices) given.put(n.key(), n);
            int added = 0;
            int updated = 0;
            int unchanged = 0;
            for (EditorialNotice n : given.values()) {
                EditorialNotice before = byKey.put(n.key(), n);
                if (before == null) added++;
                else if (before.equals(n)) unchanged++;
                else updated++;
            }
            if (added + updated > 0) write(byKey.values());
            return new MergeCounts(added, updated, unchanged);
        }
    }

    private Object stamp() throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey()));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private List<EditorialNotice> read() throws IOException {
        if (!Files.isRegularFile(file)) return List.of();
        JsonNode root = JSON.readTree(file.toFile());
        List<EditorialNotice> out = new ArrayList<>();
        for (JsonNode n : root.path("notices")) {
            out.add(new EditorialNotice(
                    n.path("workDoi").asText(),
                    NoticeType.fromWireName(n.path("type").asText()),
                    n.hasNonNull("date") ? LocalDate.parse(n.get("date").asText()) : null,
                    text(n, "noticeDoi"),
                    text(n, "nature"),
                    text(n, "reason"),
                    text(n, "source")));
        }
        return out;
    }

    private void write(Collection<EditorialNotice> notices) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>(notices.size());
        for (EditorialNotice n : notices) rows.add(NoticeJson.toMap(n));
        Path tmp = file.resolveSibling("notices.json.part");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            JSON.writeValue(out, Map.of("notices", rows));
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
