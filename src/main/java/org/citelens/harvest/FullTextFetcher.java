package org.citelens.harvest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.citelens.model.Article;
import org.citelens.parse.ArticleParsers;
import org.citelens.parse.MalformedArticleException;

/**
 * Fetches the open full text of one citing work, JATS first, then publisher HTML: Europe PMC's
 * {@code fullTextXML} when it holds the work's open-access text; else Unpaywall's open copies, landing pages
 * read by the HTML parser (a PDF is listed, never read). Every fetched text is parsed here before it is kept, so
 * "read" means the parsers found an article with a body and references in it, not merely that bytes arrived.
 */
final class FullTextFetcher {
    private final EuropePmcClient europePmc;
    private final UnpaywallClient unpaywall;
    private final LandingPages landingPages;
    private final ArticleParsers parsers = new ArticleParsers();
    private final Path out;
    private final Path corpus;

    /** @param unpaywall null when no contact address was given (Unpaywall requires one) */
    FullTextFetcher(EuropePmcClient europePmc, UnpaywallClient unpaywall, LandingPages landingPages, Path out)
            throws IOException {
        this.europePmc = europePmc;
        this.unpaywall = unpaywall;
        this.landingPages = landingPages;
        this.out = out;
        this.corpus = out.resolve(Harvester.CORPUS_DIR);
        Files.createDirectories(corpus);
    }

    WorkOutcome fetch(CitingWork w) {
        CitingWork known = withEuropePmcRecord(w);
        String jatsProblem = null;
        if (known.openInEuropePmc()) {
            try {
                Optional<byte[]> jats = europePmc.fullText(known.pmcid());
                if (jats.isPresent()) {
                    return keep(known, jats.get(), ".xml", OutcomeKind.JATS, "Europe PMC " + known.pmcid());
                }
                jatsProblem = "Europe PMC has no full text for " + known.pmcid();
            } catch (IOException e) {
                jatsProblem = "Europe PMC full text of " + known.pmcid() + ": " + e.getMessage();
            }
        }
        if (known.doi() == null) {
            return jatsProblem != null
                    ? WorkOutcome.notRead(OutcomeKind.FETCH_FAILED, jatsProblem)
                    : WorkOutcome.notRead(OutcomeKind.CLOSED, "no DOI, and no open full text in Europe PMC");
        }
        if (unpaywall == null) {
            return jatsProblem != null
                    ? WorkOutcome.notRead(OutcomeKind.FETCH_FAILED, jatsProblem)
                    : WorkOutcome.notRead(
                            OutcomeKind.CLOSED, "not open in Europe PMC; Unpaywall not asked (give --email)");
        }
        return fromUnpaywall(known, jatsProblem);
    }

    /** A work listed by DOI alone may still be open in Europe PMC: one search tells (answers are cached). */
    private CitingWork withEuropePmcRecord(CitingWork w) {
        if (w.openInEuropePmc() || w.doi() == null || w.pmcid() != null) return w;
        try {
            return europePmc.describe(w.doi()).map(w::mergedWith).orElse(w);
        } catch (IOException e) {
            return w; // Unpaywall may still know an open copy; the search failure is not the work's outcome
        }
    }

    private WorkOutcome fromUnpaywall(CitingWork w, String jatsProblem) {
        UnpaywallClient.OaRecord oa;
        try {
            Optional<UnpaywallClient.OaRecord> found = unpaywall.lookup(w.doi());
            if (found.isEmpty()) {
                return jatsProblem != null
                        ? WorkOutcome.notRead(OutcomeKind.FETCH_FAILED, jatsProblem)
                        : WorkOutcome.notRead(OutcomeKind.CLOSED, "Unpaywall does not know the DOI");
            }
            oa = found.get();
        } catch (IOException e) {
            return WorkOutcome.notRead(
                    OutcomeKind.FETCH_FAILED, join(jatsProblem, "Unpaywall lookup: " + e.getMessage()));
        }
        if (!oa.isOa() || oa.locations().isEmpty()) {
            return jatsProblem != null
                    ? WorkOutcome.notRead(OutcomeKind.FETCH_FAILED, jatsProblem)
                    : WorkOutcome.notRead(OutcomeKind.CLOSED, "Unpaywall lists no open-access copy");
        }
        List<String> problems = new ArrayList<>();
        if (jatsProblem != null) problems.add(jatsProblem);
        boolean fetchedButUnreadable = false;
        String pdf = null;
        for (UnpaywallClient.Location loc : oa.locations()) {
            if (loc.pdf() != null && pdf == null) pdf = loc.pdf();
            if (loc.landingPage() == null) continue;
            byte[] page;
            try {
                page = landingPages.fetch(loc.landingPage()).body();
            } catch (IOException e) {
                problems.add(loc.landingPage() + ": " + e.getMessage());
                continue;
            }
            String unreadable = unreadable(page, loc.landingPage());
            if (unreadable == null) return keep(w, page, ".html", OutcomeKind.HTML, loc.landingPage());
            fetchedButUnreadable = true;
            problems.add(loc.landingPage() + ": " + unreadable);
        }
        String why = String.join("; ", problems);
        if (pdf != null) return WorkOutcome.notRead(OutcomeKind.PDF_ONLY, join("open only as PDF: " + pdf, why));
        return WorkOutcome.notRead(fetchedButUnreadable ? OutcomeKind.PARSE_FAILED : OutcomeKind.FETCH_FAILED, why);
    }

    private WorkOutcome keep(CitingWork w, byte[] text, String ext, OutcomeKind kind, String from) {
        String unreadable = unreadable(text, from);
        if (unreadable != null) return WorkOutcome.notRead(OutcomeKind.PARSE_FAILED, from + ": " + unreadable);
        Path file = corpus.resolve(fileName(w) + ext);
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".part");
            Files.write(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            return WorkOutcome.notRead(OutcomeKind.FETCH_FAILED, "could not keep the text: " + e.getMessage());
        }
        return new WorkOutcome(kind, from, out.relativize(file).toString());
    }

    /** Null when the parsers read an article with a body and references; else why not. */
    private String unreadable(byte[] text, String from) {
        try {
            Article a = parsers.parse(text, from);
            if (a.sections().isEmpty()) return "no article body (an abstract-only page?)";
            if (a.references().isEmpty()) return "no reference list found";
            return null;
        } catch (MalformedArticleException e) {
            return "not readable as an article: " + e.getMessage();
        } catch (RuntimeException e) {
            return "the parser failed: " + e;
        }
    }

    static String fileName(CitingWork w) {
        return w.key().replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String join(String a, String b) {
        if (a == null || a.isEmpty()) return b;
        if (b == null || b.isEmpty()) return a;
        return a + "; " + b;
    }
}
