package org.citelens.parse.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The page's {@code <meta name|property=... content=...>} tags by lower-cased name, in document order. */
final class MetaTags {
    private final Map<String, List<String>> byName = new LinkedHashMap<>();

    MetaTags(Document doc) {
        for (Element meta : doc.getElementsByTag("meta")) {
            String name = meta.hasAttr("name") ? meta.attr("name") : meta.attr("property");
            String content = meta.attr("content").strip();
            if (name.isBlank() || content.isEmpty()) continue;
            byName.computeIfAbsent(name.strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(content);
        }
    }

    /** The first non-empty value among the names, in the order given; null when none is present. */
    String first(String... names) {
        for (String n : names) {
            List<String> values = byName.get(n);
            if (values != null && !values.isEmpty()) return values.get(0);
        }
        return null;
    }

    List<String> all(String name) {
        return byName.getOrDefault(name, List.of());
    }

    boolean isEmpty() {
        return byName.isEmpty();
    }
}
