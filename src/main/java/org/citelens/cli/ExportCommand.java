package org.citelens.cli;

/** Placeholder until its stage lands. */
public final class ExportCommand implements Command {
    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "stream statements as JSON Lines or CSV (--index DIR --format jsonl|csv)";
    }

    @Override
    public int run(Args args) {
        System.err.println("citelens export: not built yet");
        return 1;
    }
}
