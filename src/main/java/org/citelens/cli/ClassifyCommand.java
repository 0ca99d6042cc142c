package org.citelens.cli;

/** Placeholder until its stage lands. */
public final class ClassifyCommand implements Command {
    @Override
    public String name() {
        return "classify";
    }

    @Override
    public String summary() {
        return "label statements in a JSON Lines file (--input FILE --output FILE)";
    }

    @Override
    public int run(Args args) {
        System.err.println("citelens classify: not built yet");
        return 1;
    }
}
