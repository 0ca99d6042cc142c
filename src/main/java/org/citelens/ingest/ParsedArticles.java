package org.citelens.ingest;

import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.citelens.model.Article;

/**
 * The articles the first pass parsed, kept for the later passes while memory allows: the JVM drops them under
 * pressure (soft references) and a pass that finds one gone reads its file again. Also remembers, per article id,
 * the first file in path order that holds it, so duplicates are chosen the same way whatever the threads' timing.
 */
final class ParsedArticles {
    private final Map<Path, SoftReference<Article>> byFile = new ConcurrentHashMap<>();
    private final Map<String, Path> firstFileOfArticle = new ConcurrentHashMap<>();
    private final Map<Path, String> articleIdOfFile = new ConcurrentHashMap<>();

    /** Called from any worker of the first pass. */
    void add(Path file, Article a) {
        byFile.put(file, new SoftReference<>(a));
        articleIdOfFile.put(file, a.metadata().articleId());
        firstFileOfArticle.merge(a.metadata().articleId(), file, (x, y) -> x.compareTo(y) <= 0 ? x : y);
    }

    /** Every file parsed, in path order. */
    List<Path> files() {
        List<Path> out = new ArrayList<>(byFile.keySet());
        out.sort(null);
        return out;
    }

    String articleId(Path file) {
        return articleIdOfFile.get(file);
    }

    /** The first file in path order that holds this article. */
    Path firstFileOf(String articleId) {
        return firstFileOfArticle.get(articleId);
    }

    /** The article if memory kept it, else null. */
    Article cached(Path file) {
        return byFile.get(file).get();
    }

    /** The article if memory kept it (null if not), and forgets it: the last pass needs each article once. */
    Article take(Path file) {
        return byFile.remove(file).get();
    }

    /** Keeps a re-read article for the later passes. */
    void keep(Path file, Article a) {
        byFile.put(file, new SoftReference<>(a));
    }

    void forget(Path file) {
        byFile.remove(file);
    }
}
