package org.citelens.model;

import java.io.Serializable;

/**
 * One citation statement: one (citing article, cited reference, sentence).
 *
 * @param id stable id derived from (citing article id, reference id, sentence position): re-ingest never duplicates
 * @param sentencePosition ordinal of the sentence within the article's body, in document order
 * @param selfCitation whether the citing and cited works share an author (surname and first initial)
 * @param labelModel the name of the model that gave the label (null for statements indexed before models were
 *                   recorded, or not labelled yet)
 */
public record CitationStatement(
        String id,
        ArticleMetadata citing,
        CitedWork cited,
        String refId,
        String marker,
        String before,
        String sentence,
        String after,
        SectionType section,
        int sentencePosition,
        Label label,
        double confidence,
        boolean selfCitation,
        String labelModel) implements Serializable {

    public CitationStatement {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("statement id must be given");
        before = before == null ? "" : before;
        after = after == null ? "" : after;
    }

    /** A statement with no labelling model recorded (not labelled yet, or read from an older index). */
    public CitationStatement(
            String id,
            ArticleMetadata citing,
            CitedWork cited,
            String refId,
            String marker,
            String before,
            String sentence,
            String after,
            SectionType section,
            int sentencePosition,
            Label label,
            double confidence,
            boolean selfCitation) {
        this(
                id,
                citing,
                cited,
                refId,
                marker,
                before,
                sentence,
                after,
                section,
                sentencePosition,
                label,
                confidence,
                selfCitation,
                null);
    }

    public CitationStatement withCited(CitedWork newCited) {
        return new CitationStatement(
                id,
                citing,
                newCited,
                refId,
                marker,
                before,
                sentence,
                after,
                section,
                sentencePosition,
                label,
                confidence,
                selfCitation,
                labelModel);
    }

    public CitationStatement withLabel(Label newLabel, double newConfidence, String model) {
        return new CitationStatement(
                id,
                citing,
                cited,
                refId,
                marker,
                before,
                sentence,
                after,
                section,
                sentencePosition,
                newLabel,
                newConfidence,
                selfCitation,
                model);
    }
}
