package org.citelens.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.citelens.crawl.CrawlConfig;
import org.citelens.crawl.CrawlSummary;
import org.citelens.crawl.Crawler;

/**
 * {@code crawl --seed URL [--seed URL...] --out DIR [options]}: fetches articles politely into DIR/store, which
 * {@code ingest --corpus DIR} reads directly. Run it again on the same DIR to resume.
 */
public final class CrawlCommand implements Command {
    static final String USAGE = """
            usage: java -jar target/citelens.jar crawl --seed URL [--seed URL...] --out DIR [options]
              --seed URL              http://, https:// or file:// URL (a file or a folder); repeatable
              --out DIR               output folder: store/, fetch-log.jsonl, crawl-journal.jsonl; rerun to resume
              --max-pages N           stop after N fetches in all runs together (default 100000)
              --max-depth D           ordinary-link hops followed from a seed (default 3)
              --delay-ms MS           pause between two requests to one host (default 1000)
              --allow PATTERN...      also allow: a host glob (*.plos.org), a URL glob prefix with ://
                                      (https://europepmc.org/api/*), or re:REGEX matching the whole URL
              --user-agent NAME       robots.txt product token, lower-case letters, '-' and '_' (default citelens)
              --allow-loopback        permit 127.0.0.0/8 and ::1 (refused by default)
              --allow-private         permit private, link-local and loopback addresses (refused by default)
              --robots-sitemaps       also crawl the sitemaps robots.txt names (seeds may be sitemaps or RSS/Atom
                                      feeds in any case: their URLs are crawled at the seed's depth)
              --threads N             hosts fetched at once; never more than one connection per host (default 4)
              --max-bytes N           decompressed body cap in bytes (default 52428800)
              --timeout-ms MS         read timeout: longest silence while reading an answer (default 30000)
              --connect-timeout-ms MS connect timeout (default 10000)
              --fetch-timeout-ms MS   cap on one whole fetch (default 120000)
              --crawl-delay-cap-ms MS longest robots.txt Crawl-delay honoured (default 30000)
              --max-redirects N       redirect hops followed (default 5)
              --max-retries N         retries after 429 or 5xx (default 3)""";

    /** Flag name to the key it overrides in crawler-defaults.properties. */
    private static final Map<String, String> SETTINGS = Map.ofEntries(
            Map.entry("max-pages", "crawl.max-pages"),
            Map.entry("max-depth", "crawl.max-depth"),
            Map.entry("delay-ms", "politeness.delay.ms"),
            Map.entry("user-agent", "agent.name"),
            Map.entry("threads", "fetch.threads"),
            Map.entry("max-bytes", "fetch.max-bytes"),
            Map.entry("timeout-ms", "fetch.read-timeout.ms"),
            Map.entry("connect-timeout-ms", "fetch.connect-timeout.ms"),
            Map.entry("fetch-timeout-ms", "fetch.total-timeout.ms"),
            Map.entry("crawl-delay-cap-ms", "politeness.crawl-delay.cap.ms"),
            Map.entry("max-redirects", "fetch.max-redirects"),
            Map.entry("max-retries", "fetch.max-retries"));

    private static final Set<String> SWITCHES = Set.of("allow-loopback", "allow-private", "robots-sitemaps", "help");

    @Override
    public String name() {
        return "crawl";
    }

    @Override
    public String summary() {
        return "fetch articles politely from http(s) and file seeds (--seed URL --out DIR; --help for options)";
    }

    @Override
    public int run(Args args) throws Exception {
        if (args.has("help")) {
            System.err.println(USAGE);
            return 0;
        }
        Set<String> known = new TreeSet<>(SETTINGS.keySet());
        known.addAll(SWITCHES);
        known.addAll(List.of("seed", "out", "allow"));
        try {
            args.allowOnly(known);
            List<String> seeds = args.all("seed");
            if (seeds.isEmpty()) throw new UsageException("missing --seed URL");
            Path out = args.requirePath("out");
            Map<String, String> overrides = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : SETTINGS.entrySet()) {
                if (!args.has(e.getKey())) continue;
                String v = args.get(e.getKey());
                if (v == null) throw new UsageException("--" + e.getKey() + " needs a value");
                if (!e.getKey().equals("user-agent")) args.getLong(e.getKey(), 0); // a clear message for "abc"
                overrides.put(e.getValue(), v);
            }
            for (String s : List.of("allow-loopback", "allow-private", "robots-sitemaps")) {
                if (args.has(s)) {
                    if (!args.all(s).isEmpty()) throw new UsageException("--" + s + " takes no value");
                    overrides.put("crawl." + s, "true");
                }
            }
            CrawlConfig config = CrawlConfig.load(overrides);
            Crawler crawler = new Crawler(config, seeds, args.all("allow"), out, System.err);
            CrawlSummary summary = crawler.run();
            boolean failed = summary.nothingFetched()
                    || summary.errors() > 0 && summary.stored() == 0 && summary.previouslyDone() == 0;
            return failed ? 1 : 0;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + " (crawl --help lists every option)");
        }
    }
}
