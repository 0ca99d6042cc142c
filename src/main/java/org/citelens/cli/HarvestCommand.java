package org.citelens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.citelens.classify.CitationClassifier;
import org.citelens.harvest.HarvestOptions;
import org.citelens.harvest.HarvestReport;
import org.citelens.harvest.Harvester;
import org.citelens.harvest.HttpSettings;
import org.citelens.harvest.SourceEndpoints;
import org.citelens.model.Doi;

/**
 * {@code harvest --cited DOI [--cited DOI ...] --out DIR [--max-works N] [--email ADDR] [--index DIR]}: finds the
 * works citing each DOI in OpenCitations and Europe PMC, fetches their open full texts (Europe PMC JATS, then
 * landing pages Unpaywall names), ingests them into {@code --index} and reports what was and was not read.
 * Exit 0 when the harvest ran (works that could not be read are reported, not failures); 1 when no source could
 * be asked for any cited DOI.
 */
public final class HarvestCommand implements Command {
    @Override
    public String name() {
        return "harvest";
    }

    @Override
    public String summary() {
        return "find the works citing a DOI in open sources, read their open full texts, index and report"
                + " (--cited DOI --out DIR [--index DIR] [--email ADDR])";
    }

    @Override
    public int run(Args args) throws Exception {
        args.allowOnly(Set.of(
                "cited",
                "out",
                "max-works",
                "email",
                "index",
                "opencitations",
                "europepmc",
                "unpaywall",
                "allow-loopback",
                "min-interval-ms",
                "timeout-ms",
                "max-bytes",
                "max-retries",
                "retry-failed",
                "labeller",
                "model"));
        List<String> cited = new ArrayList<>();
        for (String raw : args.all("cited")) {
            cited.add(
                    Doi.normalize(raw).orElseThrow(() -> new UsageException("--cited takes a DOI, not '" + raw + "'")));
        }
        if (cited.isEmpty()) throw new UsageException("missing --cited DOI");
        Path out = args.requirePath("out");
        if (out.toFile().exists() && !out.toFile().isDirectory())
            throw new UsageException("--out " + out + " is not a folder");
        Path index = args.has("index") ? args.requirePath("index") : null;
        if (index != null && index.toFile().exists() && !index.toFile().isDirectory()) {
            throw new UsageException("--index " + index + " exists and is not a folder");
        }
        String email = args.get("email");
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new UsageException("--email takes a contact address such as you@example.org, not '" + email + "'");
        }
        HttpSettings defaults = HttpSettings.defaults();
        HarvestOptions options;
        try {
            HttpSettings http = new HttpSettings(
                    args.getLong("min-interval-ms", defaults.minIntervalMs()),
                    args.getInt("timeout-ms", defaults.timeoutMs()),
                    args.getLong("max-bytes", defaults.maxBytes()),
                    args.getInt("max-retries", defaults.maxRetries()),
                    defaults.maxRetryWaitMs(),
                    args.has("allow-loopback"));
            SourceEndpoints endpoints = new SourceEndpoints(
                    args.get("opencitations", SourceEndpoints.OPENCITATIONS),
                    args.get("europepmc", SourceEndpoints.EUROPEPMC),
                    args.get("unpaywall", SourceEndpoints.UNPAYWALL));
            options = new HarvestOptions(
                    cited,
                    out,
                    args.getInt("max-works", HarvestOptions.DEFAULT_MAX_WORKS),
                    email,
                    index,
                    endpoints,
                    http,
                    args.has("retry-failed"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        System.err.printf(
                "harvest: cited=%s out=%s index=%s max-works=%d email=%s%n",
                cited,
                out,
                index == null ? "(none: fetch and check only)" : index,
                options.maxWorks(),
                email == null ? "(none)" : email);
        System.err.printf(
                "harvest: sources opencitations=%s europepmc=%s unpaywall=%s%n",
                options.endpoints().opencitations(),
                options.endpoints().europepmc(),
                options.endpoints().unpaywall());
        CitationClassifier labeller = null;
        if (index != null) {
            labeller = Labellers.choose(args);
            System.err.printf("harvest: labelling with %s%n", labeller.name());
        }
        HarvestReport report = new Harvester(options, labeller, System.err, System.console() != null).run();
        report.printSummary(System.err);
        System.err.println("harvest: report written to " + out.resolve(HarvestReport.FILE_NAME));
        boolean noSource = report.cited().stream().allMatch(c -> c.found().isEmpty());
        if (noSource)
            throw new CommandFailedException(
                    "no source could be asked for any cited DOI (offline?); see the errors above");
        return 0;
    }
}
