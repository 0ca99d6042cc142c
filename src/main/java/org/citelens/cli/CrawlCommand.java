package org.citelens.cli;

/** Placeholder until its stage lands. */
public final class CrawlCommand implements Command {
    @Override
    public String name() {
        return "crawl";
    }

    @Override
    public String summary() {
        return "fetch articles politely from http(s) and file seeds (--seed URL --out DIR)";
    }

    @Override
    public int run(Args args) {
        System.err.println("citelens crawl: not built yet");
        return 1;
    }
}
