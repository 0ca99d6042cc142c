package org.citelens.resolve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.citelens.model.Article;
import org.citelens.parse.JatsParser;
import org.citelens.parse.MalformedArticleException;
import org.citelens.testdata.RepositoryFiles;

/** The bundled corpus parsed once per test class, by corpus-relative path ("millet/PMC5209317.xml"). */
final class CorpusArticles {
    private CorpusArticles() {}

    static Path corpusDir() {
        return RepositoryFiles.corpus();
    }

    /** Parsed once per test JVM: several test classes read the same corpus. */
    private static final class Parsed {
        static final Map<String, Article> ARTICLES;

        static {
            try {
                ARTICLES = java.util.Collections.unmodifiableMap(parse());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    static Map<String, Article> parseAll() {
        return Parsed.ARTICLES;
    }

    private static Map<String, Article> parse() throws IOException {
        Path dir = corpusDir();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        }
        JatsParser parser = new JatsParser();
        Map<String, Article> out = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        for (Path f : files) {
            String rel = dir.relativize(f).toString().replace('\\', '/');
            try {
                out.put(rel, parser.parse(Files.readAllBytes(f), rel));
            } catch (MalformedArticleException e) {
                failed.add(rel + ": " + e.getMessage());
            }
        }
        if (!failed.isEmpty())
            throw new IllegalStateException(failed.size() + " corpus files failed: " + failed.get(0));
        return out;
    }

    /** Rows of a TSV file in the corpus folder, header excluded, as column name to value. */
    static List<Map<String, String>> tsv(String name) throws IOException {
        List<String> lines = Files.readAllLines(corpusDir().resolve(name));
        String[] header = lines.get(0).split("\t", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] cells = line.split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) row.put(header[i], i < cells.length ? cells[i] : "");
            rows.add(row);
        }
        return rows;
    }
}
