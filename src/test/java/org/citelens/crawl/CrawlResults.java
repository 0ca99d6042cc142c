package org.citelens.crawl;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads what a crawl left in its output folder, for assertions. */
final class CrawlResults {
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path out;
    final List<FetchLogEntry> log = new ArrayList<>();

    CrawlResults(Path out) throws IOException {
        this.out = out;
        for (String line : Files.readAllLines(out.resolve(Crawler.FETCH_LOG))) {
            if (!line.isBlank()) log.add(JSON.readValue(line, FetchLogEntry.class));
        }
    }

    /** The last entry of each URL that is not a retry: what finally became of it. */
    Map<String, FetchLogEntry> finalEntries() {
        Map<String, FetchLogEntry> m = new LinkedHashMap<>();
        for (FetchLogEntry e : log) {
            if (e.outcome() != FetchLogEntry.Outcome.RETRY) m.put(e.url(), e);
        }
        return m;
    }

    FetchLogEntry last(String url) {
        FetchLogEntry e = finalEntries().get(url);
        if (e == null) throw new AssertionError("no fetch-log entry for " + url);
        return e;
    }

    List<FetchLogEntry> all(String url) {
        return log.stream().filter(e -> e.url().equals(url)).toList();
    }

    /** Stored files, relative to the output folder, with their bytes' SHA-256. */
    Map<String, String> store() {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out.resolve("store"))) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                try {
                    files.put(out.relativize(p).toString(), DocumentStore.sha256(Files.readAllBytes(p)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
