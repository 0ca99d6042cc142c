package org.citelens.cli;

/** Placeholder until its stage lands. */
public final class IngestCommand implements Command {
    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public String summary() {
        return "parse, extract, classify and index a folder of articles (--corpus DIR --index DIR)";
    }

    @Override
    public int run(Args args) {
        System.err.println("citelens ingest: not built yet");
        return 1;
    }
}
