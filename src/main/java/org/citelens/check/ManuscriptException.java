package org.citelens.check;

/** A manuscript that cannot be checked (too large, unreadable, or without references); the message says why. */
public final class ManuscriptException extends Exception {
    public ManuscriptException(String message) {
        super(message);
    }

    public ManuscriptException(String message, Throwable cause) {
        super(message, cause);
    }
}
