package org.citelens.model;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A parsed article: metadata, reference list and body, whatever format it came from.
 *
 * @param notices editorial notices this article publishes about other works (it is itself a retraction,
 *     correction or expression of concern); empty for ordinary articles
 */
public record Article(
        SourceFormat format,
        ArticleMetadata metadata,
        List<Reference> references,
        List<Section> sections,
        List<EditorialNotice> notices) implements Serializable {
    public Article {
        references = references == null ? List.of() : List.copyOf(references);
        sections = sections == null ? List.of() : List.copyOf(sections);
        notices = notices == null ? List.of() : List.copyOf(notices);
    }

    /** An ordinary article, which publishes no notice. */
    public Article(SourceFormat format, ArticleMetadata metadata, List<Reference> references, List<Section> sections) {
        this(format, metadata, references, sections, List.of());
    }

    /** References by id; the first wins when a document repeats an id. */
    public Map<String, Reference> referencesById() {
        return references.stream()
                .collect(Collectors.toMap(
                        Reference::id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
