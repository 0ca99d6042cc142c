package org.citelens.crawl;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads {@code file://} URLs as if they were fetched: only regular files whose real path (symbolic links
 * resolved) lies under a file seed's folder, with the same size cap as HTTP bodies.
 */
final class FileFetcher {
    private final List<Path> roots;
    private final long maxBytes;

    FileFetcher(List<Path> realRoots, long maxBytes) {
        this.roots = List.copyOf(realRoots);
        this.maxBytes = maxBytes;
    }

    FetchResponse get(String url) throws IOException {
        Path p;
        try {
            p = Path.of(URI.create(url)).toRealPath();
        } catch (NoSuchFileException e) {
            return new FetchResponse(404, null, null, null, new byte[0]);
        }
        if (roots.stream().noneMatch(p::startsWith)) {
            throw new IOException("refused: " + p + " lies outside the file seeds' folders");
        }
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
            return new FetchResponse(404, null, null, null, new byte[0]);
        long size = Files.size(p);
        if (size > maxBytes) throw new BodyTooLargeException(maxBytes, "file of " + size + " bytes");
        return new FetchResponse(200, null, null, null, Files.readAllBytes(p));
    }
}
