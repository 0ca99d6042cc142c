package org.citelens.harvest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Answers kept on disk under {@code out/cache}, so a re-run (or a run resumed after a kill) asks no server twice.
 * Only definite answers are kept: 2xx bodies and 404s. Failures are not, so a later run may try again. The key
 * is the URL without its {@code email} parameter (the contact address does not change the answer). Each entry is
 * a body file and a small metadata file written after it, both by atomic moves: an entry without its metadata
 * file was interrupted and counts as absent.
 */
final class ResponseCache {
    record Entry(String url, int status, String contentType) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EMAIL_PARAM = Pattern.compile("([?&])email=[^&]*&?");

    private final Path dir;

    ResponseCache(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
    }

    Optional<CachedAnswer> get(String url) throws IOException {
        String key = key(url);
        Path meta = dir.resolve(key + ".json");
        Path body = dir.resolve(key + ".body");
        if (!Files.exists(meta) || !Files.exists(body)) return Optional.empty();
        Entry e = JSON.readValue(meta.toFile(), Entry.class);
        return Optional.of(new CachedAnswer(e.status(), e.contentType(), Files.readAllBytes(body)));
    }

    void put(String url, CachedAnswer answer) throws IOException {
        String key = key(url);
        Path body = dir.resolve(key + ".body");
        Path tmp = dir.resolve(key + ".body.tmp");
        Files.write(tmp, answer.body());
        Files.move(tmp, body, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Path metaTmp = dir.resolve(key + ".json.tmp");
        JSON.writeValue(metaTmp.toFile(), new Entry(keyUrl(url), answer.status(), answer.contentType()));
        Files.move(
                metaTmp,
                dir.resolve(key + ".json"),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    void forget(String url) throws IOException {
        String key = key(url);
        Files.deleteIfExists(dir.resolve(key + ".json"));
        Files.deleteIfExists(dir.resolve(key + ".body"));
    }

    static String keyUrl(String url) {
        String stripped = EMAIL_PARAM.matcher(url).replaceAll("$1");
        return stripped.endsWith("?") || stripped.endsWith("&")
                ? stripped.substring(0, stripped.length() - 1)
                : stripped;
    }

    private static String key(String url) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(keyUrl(url).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
