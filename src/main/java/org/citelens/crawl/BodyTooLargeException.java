package org.citelens.crawl;

import java.io.IOException;

/** A body (after decompression) longer than the configured cap: refused whole, never truncated. */
public final class BodyTooLargeException extends IOException {
    public BodyTooLargeException(long cap, String detail) {
        super("body larger than the " + cap + "-byte cap" + (detail.isEmpty() ? "" : " (" + detail + ")"));
    }
}
