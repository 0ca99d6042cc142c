package org.citelens.cli;

/** Placeholder until its stage lands. */
public final class EvaluateCommand implements Command {
    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "evaluate the classifier on labelled data (--data FILE)";
    }

    @Override
    public int run(Args args) {
        System.err.println("citelens evaluate: not built yet");
        return 1;
    }
}
