package org.citelens.cli;

/** Placeholder until its stage lands. */
public final class ServeCommand implements Command {
    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "serve the API and web pages (--index DIR --port N)";
    }

    @Override
    public int run(Args args) {
        System.err.println("citelens serve: not built yet");
        return 1;
    }
}
