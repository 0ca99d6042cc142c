package org.citelens.api;

import java.time.Duration;
import org.citelens.feedback.FeedbackLog;
import org.citelens.notice.NoticeStore;

/**
 * What the server knows beyond the statement index, and who may change it.
 *
 * @param notices the index's editorial notices, or null for none
 * @param feedback the index's feedback log, or null when neither suggestions nor curation are on
 * @param suggestionsOpen whether readers may suggest labels ({@code serve --feedback})
 * @param admin the curators' token ({@code serve --admin-token-file}), or null when curation is off
 * @param limits the abuse limits of the feedback routes
 */
public record Curation(
        NoticeStore notices, FeedbackLog feedback, boolean suggestionsOpen, AdminToken admin, FeedbackLimits limits) {

    public Curation {
        if ((suggestionsOpen || admin != null) && feedback == null) {
            throw new IllegalArgumentException("suggestions and curation need a feedback log");
        }
        limits = limits == null ? FeedbackLimits.DEFAULTS : limits;
    }

    /** Nothing beyond the statements: no notices, no feedback. */
    public static Curation none() {
        return new Curation(null, null, false, null, null);
    }

    /**
     * Abuse limits of the feedback routes.
     *
     * @param perClient suggestions (and failed curator logins) one client address may send per {@code window}
     * @param overall suggestions all clients together may send per {@code window} (a flood from many addresses)
     * @param window the length of the sliding window
     * @param maxBodyBytes largest request body of the feedback routes
     * @param maxLogBytes the feedback log's size past which suggestions are refused (the disk stays safe)
     */
    public record FeedbackLimits(int perClient, int overall, Duration window, int maxBodyBytes, long maxLogBytes) {
        public static final FeedbackLimits DEFAULTS =
                new FeedbackLimits(20, 2000, Duration.ofMinutes(10), 4096, 256L << 20);
    }
}
