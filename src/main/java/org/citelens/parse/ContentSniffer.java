package org.citelens.parse;

import java.nio.charset.StandardCharsets;

/**
 * Cheap checks on raw bytes, made before any parser sees them: empty, binary, and a decoded head for sniffing. The
 * crawler asks the same questions of what it fetches, so that it stores exactly what ingest will read.
 */
public final class ContentSniffer {
    private static final int HEAD_BYTES = 16_384;

    private ContentSniffer() {}

    /** True when the content has nothing but whitespace (or nothing at all). */
    public static boolean isBlank(byte[] content) {
        if (content == null) return true;
        for (byte b : content) {
            if (b != ' '
                    && b != '\n'
                    && b != '\r'
                    && b != '\t'
                    && b != 0
                    && b != (byte) 0xEF
                    && b != (byte) 0xBB
                    && b != (byte) 0xBF) return false;
        }
        return true;
    }

    /**
     * True when the first bytes look like binary data rather than text: a known binary signature (PDF, ZIP, gzip,
     * PNG, GIF, JPEG), NUL bytes (outside UTF-16 text) or many control characters. Markup in UTF-16 is recognised by
     * its byte-order mark and not called binary.
     */
    public static boolean looksBinary(byte[] content) {
        if (content == null || content.length == 0) return false;
        if (hasBinarySignature(content)) return true;
        if (isUtf16(content)) return false;
        int n = Math.min(content.length, HEAD_BYTES);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = content[i] & 0xFF;
            if (b == 0) return true;
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) control++;
        }
        return control > n / 20;
    }

    /** The first kilobytes decoded as text (UTF-16 when a byte-order mark says so), for sniffing only. */
    public static String head(byte[] content) {
        if (content == null || content.length == 0) return "";
        int n = Math.min(content.length, HEAD_BYTES);
        if (isUtf16(content)) {
            boolean big = (content[0] & 0xFF) == 0xFE;
            return new String(content, 2, n - 2, big ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
        }
        return new String(content, 0, n, StandardCharsets.UTF_8);
    }

    private static boolean hasBinarySignature(byte[] b) {
        return startsWith(b, 0x25, 0x50, 0x44, 0x46) // %PDF
                || startsWith(b, 0x50, 0x4B, 0x03, 0x04) // ZIP (and OOXML, EPUB, JAR)
                || startsWith(b, 0x1F, 0x8B) // gzip
                || startsWith(b, 0x89, 0x50, 0x4E, 0x47) // PNG
                || startsWith(b, 0x47, 0x49, 0x46, 0x38) // GIF8
                || startsWith(b, 0xFF, 0xD8); // JPEG
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) return false;
        }
        return true;
    }

    private static boolean isUtf16(byte[] c) {
        return c.length >= 2
                && (((c[0] & 0xFF) == 0xFE && (c[1] & 0xFF) == 0xFF)
                        || ((c[0] & 0xFF) == 0xFF && (c[1] & 0xFF) == 0xFE));
    }

    /** Fails with the reason a reader understands when the bytes cannot hold a document of the named kind. */
    public static void requireText(byte[] content, String kind) throws MalformedArticleException {
        if (content == null || content.length == 0) throw new MalformedArticleException("empty file");
        if (isBlank(content)) throw new MalformedArticleException("file holds only whitespace");
        if (looksBinary(content)) throw new MalformedArticleException("binary content, not " + kind);
    }
}
