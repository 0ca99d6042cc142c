package org.citelens.model;

import java.io.Serializable;
import java.util.List;

/**
 * A paragraph (or figure/table caption) as plain text with its citation markers.
 *
 * @param sentenceStarts offsets where the source itself marks sentences (TEI {@code <s>}); empty when the
 *     extractor must split the text itself
 */
public record Paragraph(String text, List<CitationMention> citations, boolean caption, List<Integer> sentenceStarts)
        implements Serializable {
    public Paragraph {
        text = text == null ? "" : text;
        citations = citations == null ? List.of() : List.copyOf(citations);
        sentenceStarts = sentenceStarts == null ? List.of() : List.copyOf(sentenceStarts);
    }

    public Paragraph(String text, List<CitationMention> citations, boolean caption) {
        this(text, citations, caption, List.of());
    }
}
