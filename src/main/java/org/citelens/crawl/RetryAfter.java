package org.citelens.crawl;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/** Reads a Retry-After header: a number of seconds or an HTTP date (RFC 9110 section 10.2.3). */
public final class RetryAfter {
    private RetryAfter() {}

    /** Milliseconds to wait from {@code now}; empty when the header is missing or unreadable. */
    public static OptionalLong millis(String header, Instant now) {
        if (header == null || header.isBlank()) return OptionalLong.empty();
        String v = header.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return OptionalLong.of(Math.multiplyExact(Long.parseLong(v), 1000L));
            } catch (ArithmeticException | NumberFormatException e) {
                return OptionalLong.of(Long.MAX_VALUE);
            }
        }
        try {
            Instant at =
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return OptionalLong.of(Math.max(0, at.toEpochMilli() - now.toEpochMilli()));
        } catch (DateTimeParseException e) {
            return OptionalLong.empty();
        }
    }
}
