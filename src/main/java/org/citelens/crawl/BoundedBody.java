package org.citelens.crawl;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/** Reads a response body, undoing gzip or deflate, and refuses it once the decompressed bytes pass a cap. */
final class BoundedBody {
    private BoundedBody() {}

    /**
     * @param encoding the Content-Encoding header, or null
     * @param expired  polled between reads so a trickling body stops at the fetch deadline
     */
    static byte[] read(InputStream raw, String encoding, long cap, BooleanSupplier expired) throws IOException {
        try (InputStream in = decoder(raw, encoding)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buf)) != -1) {
                total += n;
                if (total > cap) {
                    throw new BodyTooLargeException(
                            cap, encoding == null ? "" : "after " + encoding + " decompression");
                }
                if (expired.getAsBoolean()) throw new IOException("fetch ran past its total time cap");
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static InputStream decoder(InputStream raw, String encoding) throws IOException {
        String e = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
        return switch (e) {
            case "gzip", "x-gzip" -> new GZIPInputStream(raw, 64 * 1024);
            case "deflate" -> deflate(raw);
            case "", "identity" -> raw;
            default -> throw new IOException("unsupported Content-Encoding '" + encoding + "'");
        };
    }

    /** "deflate" is meant to be zlib-wrapped but some servers send raw deflate: the first byte tells which. */
    private static InputStream deflate(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(1);
        int first = in.read();
        in.reset();
        boolean zlib = (first & 0x0f) == 8;
        return new InflaterInputStream(in, new Inflater(!zlib), 64 * 1024);
    }
}
