package org.citelens.parse;

import java.nio.charset.StandardCharsets;
import org.citelens.parse.RejectedDocumentException.Kind;

/**
 * One linear pass over a document's bytes (ASCII-compatible encodings) before any parser sees it. It counts
 * start tags against the element limit and refuses NUL bytes everywhere. For XML it also checks the element
 * structure (every end tag closes the element open, nothing left open at the end, depth within the limit) and
 * refuses a DOCTYPE that declares entities: entity expansion ("billion laughs") and external entities (XXE)
 * both need a declaration, so a document without one cannot ask for either, whatever parser reads it. A DOCTYPE
 * that only names an external DTD is allowed (every PMC article has one); no parser of ours loads it.
 * Memory: two int arrays of the depth limit; no strings unless a document is refused.
 */
final class MarkupScan {
    private final byte[] b;
    private final DocumentLimits limits;
    private final boolean xml;
    private final int[] openStart;
    private final int[] openLength;
    private int depth;
    private int elements;

    private MarkupScan(byte[] content, DocumentLimits limits, boolean xml) {
        this.b = content;
        this.limits = limits;
        this.xml = xml;
        this.openStart = xml ? new int[limits.maxDepth() + 1] : new int[0];
        this.openLength = xml ? new int[limits.maxDepth() + 1] : new int[0];
    }

    /** @return the number of start tags */
    static int check(byte[] content, DocumentLimits limits, boolean xml) throws RejectedDocumentException {
        MarkupScan scan = new MarkupScan(content, limits, xml);
        scan.run();
        return scan.elements;
    }

    private void run() throws RejectedDocumentException {
        int n = b.length;
        int i = 0;
        while (i < n) {
            int c = b[i] & 0xFF;
            if (c != '<') {
                if (c < 0x20) checkControl(c, i);
                i++;
                continue;
            }
            if (startsWith(i, "<!--")) {
                i = after(i + 4, "-->", "a comment");
            } else if (startsWith(i, "<![CDATA[")) {
                i = after(i + 9, "]]>", "a CDATA section");
            } else if (startsWith(i, "<?")) {
                i = after(i + 2, "?>", "a processing instruction");
            } else if (startsWithIgnoreCase(i, "<!DOCTYPE")) {
                i = doctype(i + 9);
            } else if (i + 1 < n && b[i + 1] == '/') {
                i = endTag(i);
            } else if (i + 1 < n && isNameStart(b[i + 1])) {
                i = startTag(i);
            } else if (xml) {
                throw malformed(i, "a '<' that starts no markup");
            } else {
                i++;
            }
        }
        if (!xml) return;
        if (depth > 0) {
            throw malformed(
                    n,
                    "the file ends with " + depth + " element(s) still open, the innermost <"
                            + name(openStart[depth - 1], openLength[depth - 1]) + ">: truncated?");
        }
        if (elements == 0) throw malformed(n, "no elements");
    }

    private void checkControl(int c, int at) throws RejectedDocumentException {
        if (c == 0) throw new RejectedDocumentException(Kind.BINARY, "binary content: a NUL byte at offset " + at);
        if (xml && c != '\t' && c != '\n' && c != '\r') {
            throw new RejectedDocumentException(
                    Kind.BINARY,
                    String.format(
                            "control character 0x%02X at offset %d, which XML does not allow: binary or corrupt",
                            c, at));
        }
    }

    private int startTag(int lt) throws RejectedDocumentException {
        int nameStart = lt + 1;
        int nameEnd = nameEnd(nameStart);
        int gt = tagEnd(nameEnd, lt);
        if (++elements > limits.maxElements()) {
            throw new RejectedDocumentException(
                    Kind.TOO_MANY_ELEMENTS, "more than " + limits.maxElements() + " elements");
        }
        if (xml && b[gt - 1] != '/') {
            if (depth == limits.maxDepth()) {
                throw new RejectedDocumentException(Kind.TOO_DEEP, "elements nested deeper than " + limits.maxDepth());
            }
            openStart[depth] = nameStart;
            openLength[depth] = nameEnd - nameStart;
            depth++;
        }
        return gt + 1;
    }

    private int endTag(int lt) throws RejectedDocumentException {
        int nameStart = lt + 2;
        int nameEnd = nameEnd(nameStart);
        int gt = tagEnd(nameEnd, lt);
        if (!xml) return gt + 1;
        String closing = name(nameStart, nameEnd - nameStart);
        if (depth == 0) throw malformed(lt, "</" + closing + "> closes no open element");
        int top = depth - 1;
        if (!sameName(openStart[top], openLength[top], nameStart, nameEnd - nameStart)) {
            throw malformed(lt, "</" + closing + "> closes <" + name(openStart[top], openLength[top]) + ">");
        }
        depth--;
        return gt + 1;
    }

    /** Skips a DOCTYPE, refusing entity declarations in its internal subset. */
    private int doctype(int from) throws RejectedDocumentException {
        int i = from;
        boolean subset = false;
        while (i < b.length) {
            byte c = b[i];
            if (c == '"' || c == '\'') {
                i = closingQuote(i, "the DOCTYPE") + 1;
            } else if (subset && startsWith(i, "<!--")) {
                i = after(i + 4, "-->", "a comment");
            } else if (subset && startsWith(i, "<!ENTITY")) {
                throw new RejectedDocumentException(
                        Kind.ENTITY_DECLARATION,
                        "declares entities in its DOCTYPE" + " (offset " + i
                                + "): entity expansion and external entities are refused");
            } else if (c == '[') {
                subset = true;
                i++;
            } else if (c == ']') {
                subset = false;
                i++;
            } else if (c == '>' && !subset) {
                return i + 1;
            } else {
                i++;
            }
        }
        throw malformed(b.length, "the file ends inside its DOCTYPE");
    }

    private int nameEnd(int from) {
        int i = from;
        while (i < b.length) {
            byte c = b[i];
            if (c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r') break;
            i++;
        }
        return i;
    }

    /** The offset of the {@code >} that ends the tag, skipping quoted attribute values. */
    private int tagEnd(int from, int lt) throws RejectedDocumentException {
        int i = from;
        while (i < b.length) {
            byte c = b[i];
            if (c == '>') return i;
            if (xml && (c == '"' || c == '\'')) {
                i = closingQuote(i, "a tag") + 1;
                continue;
            }
            if (xml && c == '<') throw malformed(i, "a '<' inside the tag that starts at offset " + lt);
            if (c == 0) checkControl(0, i);
            i++;
        }
        if (!xml) return b.length - 1; // HTML: the parser treats the rest as text
        throw malformed(b.length, "the file ends inside a tag: truncated?");
    }

    private int closingQuote(int open, String where) throws RejectedDocumentException {
        for (int i = open + 1; i < b.length; i++) {
            if (b[i] == b[open]) return i;
        }
        throw malformed(b.length, "the file ends inside a quoted value in " + where + ": truncated?");
    }

    private int after(int from, String end, String what) throws RejectedDocumentException {
        byte first = (byte) end.charAt(0);
        for (int i = from; i <= b.length - end.length(); i++) {
            if (b[i] == first && startsWith(i, end)) return i + end.length();
        }
        if (!xml) return b.length;
        throw malformed(b.length, "the file ends inside " + what + ": truncated?");
    }

    private RejectedDocumentException malformed(int at, String what) {
        return new RejectedDocumentException(Kind.MALFORMED_XML, "malformed XML at offset " + at + ": " + what);
    }

    private boolean startsWith(int at, String s) {
        if (at + s.length() > b.length) return false;
        for (int k = 0; k < s.length(); k++) if (b[at + k] != s.charAt(k)) return false;
        return true;
    }

    private boolean startsWithIgnoreCase(int at, String s) {
        if (at + s.length() > b.length) return false;
        for (int k = 0; k < s.length(); k++) {
            if (Character.toUpperCase(b[at + k]) != Character.toUpperCase(s.charAt(k))) return false;
        }
        return true;
    }

    private boolean sameName(int s1, int l1, int s2, int l2) {
        if (l1 != l2) return false;
        for (int k = 0; k < l1; k++) if (b[s1 + k] != b[s2 + k]) return false;
        return true;
    }

    private String name(int start, int length) {
        return new String(b, start, Math.min(length, 80), StandardCharsets.UTF_8);
    }

    private static boolean isNameStart(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || (c & 0x80) != 0;
    }
}
