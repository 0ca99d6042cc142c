package org.citelens.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.citelens.model.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feedback log on disk: append-only, replayed on open, a crash's torn last line skipped without harm. */
class FeedbackLogTest {
    private static final String A = "0123456789abcdef0123456789abcdef";
    private static final String B = "fedcba9876543210fedcba9876543210";

    @TempDir
    Path index;

    @Test
    void aTornLastLineIsSkippedAndTheNextRecordStartsOnItsOwnLine() throws Exception {
        try (FeedbackLog log = FeedbackLog.open(index)) {
            assertTrue(log.suggest(A, "10.1/x", Label.SUPPORTING, "agrees", "10.0.0.1"));
            log.review(B, "10.1/x", Label.CONTRASTING);
        }
        Path file = index.resolve("feedback/feedback.jsonl");
        // what a crash in the middle of a write leaves: half a JSON object, no newline
        Files.writeString(file, "{\"kind\":\"suggestion\",\"statementId\":\"" + B, StandardOpenOption.APPEND);
        try (FeedbackLog log = FeedbackLog.open(index)) {
            assertEquals(Map.of(Label.SUPPORTING, 1), log.suggestionCounts(A));
            assertEquals(Label.CONTRASTING, log.reviewedLabel(B).orElseThrow());
            assertFalse(log.suggest(A, "10.1/x", Label.MENTIONING, "", "10.0.0.1"), "one suggestion per client");
            assertTrue(log.suggest(A, "10.1/x", Label.MENTIONING, "", "10.0.0.2"));
            log.review(B, "10.1/x", Label.SUPPORTING);
        }
        try (FeedbackLog log = FeedbackLog.open(index)) {
            assertEquals(Map.of(Label.SUPPORTING, 1, Label.MENTIONING, 1), log.suggestionCounts(A));
            assertEquals(Label.SUPPORTING, log.reviewedLabel(B).orElseThrow(), "the latest review counts");
            assertEquals(2, log.suggestions().size());
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertFalse(text.contains("10.0.0.1"), "the log keeps no client address");
        assertEquals(5, text.split("\n").length, "four records and the torn line, each on its own line");
    }
}
