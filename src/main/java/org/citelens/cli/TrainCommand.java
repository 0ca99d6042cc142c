package org.citelens.cli;

/** Placeholder until its stage lands. */
public final class TrainCommand implements Command {
    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train the citation classifier (--data FILE.tsv --model FILE)";
    }

    @Override
    public int run(Args args) {
        System.err.println("citelens train: not built yet");
        return 1;
    }
}
