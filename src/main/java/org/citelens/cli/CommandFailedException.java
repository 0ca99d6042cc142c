package org.citelens.cli;

/**
 * The command line was right but the work could not be done, for a reason the message states in full (naming the
 * file): exit code 1, the message alone, no exception class or stack trace.
 */
public class CommandFailedException extends RuntimeException {
    public CommandFailedException(String message) {
        super(message);
    }
}
