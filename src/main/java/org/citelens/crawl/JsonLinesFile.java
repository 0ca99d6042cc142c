package org.citelens.crawl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;

/**
 * An append-only JSON Lines file that survives being killed mid-write: on open, a last line without its newline
 * (the tail of an interrupted write) is cut off, so later appends never glue onto half a record. Each
 * {@link #append} is one write call; {@code sync} forces it to disk.
 */
public final class JsonLinesFile implements Closeable {
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path path;
    private final FileChannel channel;
    private final long tornBytes;

    public JsonLinesFile(Path path) throws IOException {
        this.path = path;
        Files.createDirectories(path.toAbsolutePath().getParent());
        this.channel =
                FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        this.tornBytes = cutTornTail();
        channel.position(channel.size());
    }

    /** Bytes of an unfinished last line removed on open (0 after a clean shutdown). */
    long tornBytes() {
        return tornBytes;
    }

    /** Reads every record; lines that do not parse (disk damage) are counted, not fatal. Returns that count. */
    public <T> int replay(Class<T> type, Consumer<T> sink) throws IOException {
        int bad = 0;
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                try {
                    sink.accept(JSON.readValue(line, type));
                } catch (JsonProcessingException e) {
                    bad++;
                }
            }
        }
        return bad;
    }

    synchronized void append(List<?> records, boolean sync) throws IOException {
        if (records.isEmpty()) return;
        StringBuilder sb = new StringBuilder();
        for (Object r : records) sb.append(JSON.writeValueAsString(r)).append('\n');
        ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) channel.write(buf);
        if (sync) channel.force(false);
    }

    public void append(Object record, boolean sync) throws IOException {
        append(List.of(record), sync);
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel.isOpen()) {
            channel.force(false);
            channel.close();
        }
    }

    public static String toJson(Object o) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long cutTornTail() throws IOException {
        long size = channel.size();
        if (size == 0) return 0;
        long pos = size;
        ByteBuffer one = ByteBuffer.allocate(1);
        while (pos > 0) {
            one.clear();
            channel.read(one, pos - 1);
            if (one.get(0) == '\n') break;
            pos--;
        }
        if (pos < size) {
            channel.truncate(pos);
            channel.force(false);
        }
        return size - pos;
    }
}
