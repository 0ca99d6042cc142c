package org.citelens.harvest;

import java.io.IOException;

/** A request that gave no definite answer: refused address, timeout, broken body, too large, or retries used up. */
final class FetchFailedException extends IOException {
    FetchFailedException(String reason) {
        super(reason);
    }

    FetchFailedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
