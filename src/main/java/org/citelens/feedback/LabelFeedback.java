package org.citelens.feedback;

import java.time.Instant;
import org.citelens.model.Label;

/**
 * One line of the feedback log: a reader's suggestion or a curator's reviewed label for one statement.
 *
 * @param kind suggestion or review
 * @param statementId the statement's stable id (the same across re-ingests of its article)
 * @param citedDoi the DOI the statement cited when the feedback was given (tallies of that work count reviews)
 * @param client a salted hash of the reader's address (suggestions), or null; the address itself is never kept
 * @param comment the reader's words, at most {@link FeedbackLog#MAX_COMMENT} characters; may be empty
 */
public record LabelFeedback(
        Kind kind, String statementId, String citedDoi, Label label, String comment, String client, Instant at) {

    public enum Kind {
        SUGGESTION,
        REVIEW
    }

    public LabelFeedback {
        if (kind == null || statementId == null || label == null || at == null) {
            throw new IllegalArgumentException("feedback needs a kind, a statement id, a label and a time");
        }
        comment = comment == null ? "" : comment;
    }
}
