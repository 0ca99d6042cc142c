package org.citelens.model;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A parsed article: metadata, reference list and body, whatever format it came from. */
public record Article(
        SourceFormat format, ArticleMetadata metadata, List<Reference> references, List<Section> sections) {
    public Article {
        references = references == null ? List.of() : List.copyOf(references);
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    /** References by id; the first wins when a document repeats an id. */
    public Map<String, Reference> referencesById() {
        return references.stream()
                .collect(Collectors.toMap(
                        Reference::id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
