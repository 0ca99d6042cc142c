package org.citelens.cli;

/** The command line was wrong: the message says what to change. Exit code 2. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
