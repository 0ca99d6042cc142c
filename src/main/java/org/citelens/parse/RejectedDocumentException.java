package org.citelens.parse;

/** A document refused at the boundary, before or instead of parsing, with the kind of refusal for the report. */
public final class RejectedDocumentException extends MalformedArticleException {
    /** Why a document was refused; the wire names appear in ingest reports. */
    public enum Kind {
        EMPTY("empty"),
        TOO_LARGE("too-large"),
        ENCODING("encoding"),
        BINARY("binary"),
        TOO_MANY_ELEMENTS("too-many-elements"),
        TOO_DEEP("too-deep"),
        ENTITY_DECLARATION("entity-declaration"),
        MALFORMED_XML("malformed-xml"),
        TIME_LIMIT("time-limit");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    private final Kind kind;

    public RejectedDocumentException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
