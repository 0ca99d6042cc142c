package org.citelens.parse;

import org.citelens.model.SourceFormat;
import org.citelens.parse.RejectedDocumentException.Kind;

/**
 * The gate every document passes before a parser sees it: size, encoding, binary content, element count, depth,
 * well-formed XML structure and entity declarations, all in one linear pass over the bytes, so that a hostile or
 * broken file is refused with a clear reason in time proportional to its size and never reaches a parser that
 * might take the stack, the memory or the network. Thread-safe and stateless.
 */
public final class DocumentGuard {
    private final ArticleParsers parsers;

    public DocumentGuard(ArticleParsers parsers) {
        this.parsers = parsers;
    }

    /** A document that passed the gate: the bytes to parse (UTF-16 re-encoded as UTF-8) and its format. */
    public record Admitted(byte[] content, SourceFormat format) {}

    public Admitted admit(byte[] content, String source, DocumentLimits limits) throws RejectedDocumentException {
        if (content == null || content.length == 0) throw new RejectedDocumentException(Kind.EMPTY, "empty file");
        if (content.length > limits.maxBytes()) {
            throw new RejectedDocumentException(
                    Kind.TOO_LARGE, "larger than " + limits.maxBytes() + " bytes (" + content.length + ")");
        }
        byte[] bytes = TextEncoding.asciiCompatible(content);
        SourceFormat format = parsers.detect(bytes, source);
        boolean xml = format == SourceFormat.JATS || format == SourceFormat.TEI;
        if (xml) TextEncoding.checkXml(bytes);
        MarkupScan.check(bytes, limits, xml);
        return new Admitted(bytes, format);
    }
}
