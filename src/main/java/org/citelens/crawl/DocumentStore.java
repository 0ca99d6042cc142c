package org.citelens.crawl;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Writes fetched documents to {@code DIR/store/<host>/<sha256-prefix><ext>}. Names come only from a sanitised
 * host and the content hash, never from the URL path or a server-supplied file name, and every path is checked
 * to stay under the store. Each file is written to {@code *.part}, forced to disk and atomically renamed, so a
 * crash leaves either the whole file or a {@code .part} that ingest ignores and the next run deletes.
 */
public final class DocumentStore {
    /** Hex digits of the SHA-256 used in file names: 96 bits, collisions out of reach for any crawl. */
    static final int NAME_HEX = 24;

    static final String PART = ".part";

    private final Path root;

    public DocumentStore(Path outDir) throws IOException {
        this.root = outDir.resolve("store").toAbsolutePath().normalize();
        Files.createDirectories(root);
    }

    public Path root() {
        return root;
    }

    /** Deletes {@code *.part} files a killed run left behind. Returns how many. */
    public int removeStaleParts() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            int n = 0;
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().endsWith(PART) && Files.isRegularFile(p)) {
                    Files.delete(p);
                    n++;
                }
            }
            return n;
        }
    }

    /** The store path for a body: stable for the same host and content. */
    public Path pathFor(String host, String sha256Hex, ContentKind kind) {
        if (!kind.stored()) throw new IllegalArgumentException(kind + " is never stored");
        if (!sha256Hex.matches("[0-9a-f]{64}"))
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256Hex);
        Path p = root.resolve(safeHost(host))
                .resolve(sha256Hex.substring(0, NAME_HEX) + kind.extension())
                .normalize();
        if (!p.startsWith(root) || p.getParent().equals(root)) {
            throw new IllegalStateException("store path escapes " + root + ": " + p);
        }
        return p;
    }

    /**
     * Stores the body unless an identical file is already there (a re-run after a crash between the rename and
     * the journal line). Returns the path relative to the output folder.
     */
    public Path write(String host, String sha256Hex, ContentKind kind, byte[] body) throws IOException {
        Path target = pathFor(host, sha256Hex, kind);
        if (!Files.exists(target) || Files.size(target) != body.length) {
            Files.createDirectories(target.getParent());
            Path part = target.resolveSibling(target.getFileName() + PART);
            try (FileChannel ch = FileChannel.open(
                            part,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                out.write(body);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(target.getParent());
        }
        return root.getParent().relativize(target);
    }

    /** Makes the rename itself durable; not every platform can open a directory, and then the OS decides. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort: Windows cannot open directories; the file itself is already forced
        }
    }

    /**
     * A folder name for a host: lower-case letters, digits, dots, dashes; anything else becomes {@code _}; no
     * leading dot (so never {@code .} or {@code ..}); empty becomes {@code local}. A port is appended as
     * {@code _PORT} so two servers on one machine do not share a folder.
     */
    static String safeHost(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (char c : h.toCharArray()) {
            sb.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ? c : '_');
        }
        String s = sb.toString();
        while (s.startsWith(".")) s = "_" + s.substring(1);
        if (s.isEmpty()) s = "local";
        if (s.length() > 100) s = s.substring(0, 100);
        return s;
    }

    /** The SHA-256 of a body in hex: its name in the store, and how duplicates are recognised. */
    static String sha256(byte[] body) {
        try {
            return hex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
