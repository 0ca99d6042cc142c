package org.citelens.parse.agreement;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.citelens.Figures;
import org.citelens.extract.CitationStatementExtractor;
import org.citelens.model.Article;
import org.citelens.model.CitationStatement;
import org.citelens.parse.HtmlParser;
import org.citelens.parse.JatsParser;
import org.citelens.resolve.SimpleWorksRegistry;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.Test;

/**
 * The same article read as JATS and as publisher HTML (rendered from that JATS) must give the same statements:
 * the (cited reference id, sentence) pairs of both paths are compared through the real extractor.
 */
class CrossFormatAgreementTest {
    @Test
    void jatsAndRenderedHtmlGiveTheSameCitationStatements() throws Exception {
        Figures figures = Figures.of("agreement");
        Path corpus = RepositoryFiles.corpus();
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpus)) {
            files = s.filter(p -> p.toString().endsWith(".xml"))
                    .sorted()
                    .limit(figures.count("articles"))
                    .toList();
        }
        CitationStatementExtractor extractor = new CitationStatementExtractor();
        SimpleWorksRegistry resolver = new SimpleWorksRegistry();
        JatsToHtmlRenderer renderer = new JatsToHtmlRenderer();
        int both = 0, union = 0;
        for (Path file : files) {
            String xml = Files.readString(file, StandardCharsets.UTF_8);
            Article jats = new JatsParser().parse(xml.getBytes(StandardCharsets.UTF_8), file.toString());
            Article html =
                    new HtmlParser().parse(renderer.render(xml).getBytes(StandardCharsets.UTF_8), file + ".html");
            Set<String> a = pairs(extractor
                    .extract(jats, ref -> resolver.resolve(jats.metadata(), ref))
                    .statements());
            Set<String> b = pairs(extractor
                    .extract(html, ref -> resolver.resolve(html.metadata(), ref))
                    .statements());
            Set<String> inter = new HashSet<>(a);
            inter.retainAll(b);
            Set<String> all = new HashSet<>(a);
            all.addAll(b);
            both += inter.size();
            union += all.size();
            System.out.printf(
                    "agreement %s: jats %d html %d both %d%n", file.getFileName(), a.size(), b.size(), inter.size());
            if (System.getenv("AGREEMENT_DEBUG") != null) {
                Set<String> onlyJ = new HashSet<>(a);
                onlyJ.removeAll(b);
                Set<String> onlyH = new HashSet<>(b);
                onlyH.removeAll(a);
                onlyJ.stream().limit(5).forEach(x -> System.out.println("  only JATS: " + x));
                onlyH.stream().limit(5).forEach(x -> System.out.println("  only HTML: " + x));
            }
        }
        double agreement = union == 0 ? 0 : (double) both / union;
        System.out.printf(
                "agreement over %d articles: %d of %d (reference, sentence) pairs = %.4f%n",
                files.size(), both, union, agreement);
        figures.atLeast("agreement", agreement, both + " of " + union + " pairs");
    }

    private static Set<String> pairs(List<CitationStatement> statements) {
        Set<String> out = new HashSet<>();
        for (CitationStatement s : statements) out.add(s.refId() + "\t" + s.sentence());
        return out;
    }
}
