package org.citelens.cli;

/** One CLI command. Returns the process exit code: 0 done, 1 failed, 2 usage error. */
public interface Command {
    String name();

    /** One line for the command list. */
    String summary();

    int run(Args args) throws Exception;
}
