package org.citelens.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.citelens.parse.RejectedDocumentException.Kind;

/**
 * Decides how a document's bytes are encoded and checks that they really are. UTF-16 documents (by byte-order
 * mark or by their first bytes) are re-encoded as UTF-8 with a UTF-8 byte-order mark, so that format sniffing
 * and the markup scan, which work on ASCII-compatible bytes, see them as they are. XML that declares UTF-8 or
 * nothing must be valid UTF-8 (the XML specification makes an encoding error fatal; silently replacing bytes
 * would index garbled text); HTML keeps the browsers' leniency and lets the parser replace bad bytes.
 */
final class TextEncoding {
    private static final Pattern DECLARED = Pattern.compile(
            "(?:encoding\\s*=\\s*[\"']|charset\\s*=\\s*[\"']?)([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private TextEncoding() {}

    /** The content as ASCII-compatible bytes: unchanged, or transcoded from UTF-16. */
    static byte[] asciiCompatible(byte[] content) throws RejectedDocumentException {
        Charset utf16 = utf16Of(content);
        if (utf16 == null) return content;
        String text;
        try {
            text = utf16.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RejectedDocumentException(Kind.ENCODING, "invalid " + utf16.name() + ": " + e.getMessage());
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[utf8.length + 3];
        System.arraycopy(UTF8_BOM, 0, out, 0, 3);
        System.arraycopy(utf8, 0, out, 3, utf8.length);
        return out;
    }

    /** Refuses XML whose bytes do not match its declared (or default UTF-8) encoding. */
    static void checkXml(byte[] content) throws RejectedDocumentException {
        String declared = declaredCharset(content);
        if (declared != null && !isUtf8Name(declared)) {
            if (!isSupported(declared)) {
                throw new RejectedDocumentException(
                        Kind.ENCODING, "declares an unsupported encoding '" + declared + "'");
            }
            return; // a single-byte or legacy encoding: any byte sequence is text, the parser decodes it
        }
        int from = startsWith(content, UTF8_BOM) ? 3 : 0;
        int bad = firstInvalidUtf8(content, from);
        if (bad >= 0) {
            throw new RejectedDocumentException(
                    Kind.ENCODING,
                    String.format(
                            Locale.ROOT,
                            "invalid UTF-8 at byte %d (0x%02X); the document declares %s",
                            bad,
                            content[bad] & 0xFF,
                            declared == null ? "no encoding, so UTF-8" : declared));
        }
    }

    /** The encoding named by an XML declaration or an HTML meta charset in the first kilobyte, or null. */
    static String declaredCharset(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 1024), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    /** Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
    static int firstInvalidUtf8(byte[] b, int from) {
        int i = from;
        int n = b.length;
        while (i < n) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int lo = 0x80;
            int hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                if (c == 0xE0) lo = 0xA0;
                if (c == 0xED) hi = 0x9F; // no surrogates
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                if (c == 0xF0) lo = 0x90;
                if (c == 0xF4) hi = 0x8F;
            } else {
                return i;
            }
            if (i + need >= n) return i; // a sequence cut off by the end of the file
            int second = b[i + 1] & 0xFF;
            if (second < lo || second > hi) return i;
            for (int k = 2; k <= need; k++) {
                int cont = b[i + k] & 0xFF;
                if (cont < 0x80 || cont > 0xBF) return i;
            }
            i += need + 1;
        }
        return -1;
    }

    private static Charset utf16Of(byte[] b) {
        if (b.length < 2) return null;
        int b0 = b[0] & 0xFF;
        int b1 = b[1] & 0xFF;
        if (b0 == 0xFE && b1 == 0xFF) return StandardCharsets.UTF_16; // the decoder consumes the BOM
        if (b0 == 0xFF && b1 == 0xFE) return StandardCharsets.UTF_16;
        if (b0 == '<' && b1 == 0) return StandardCharsets.UTF_16LE;
        if (b0 == 0 && b1 == '<') return StandardCharsets.UTF_16BE;
        return null;
    }

    private static boolean isUtf8Name(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("utf-8") || n.equals("utf8");
    }

    private static boolean isSupported(String name) {
        try {
            return Charset.isSupported(name);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (b[i] != prefix[i]) return false;
        return true;
    }
}
