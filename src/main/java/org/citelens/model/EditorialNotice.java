package org.citelens.model;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A retraction, correction or expression of concern published about one work.
 *
 * @param workDoi normalised DOI of the work the notice concerns
 * @param type what kind of notice
 * @param date when the notice was published (null when the source does not say)
 * @param noticeDoi normalised DOI of the notice itself (null when it has none)
 * @param nature the source's own word for it (Retraction Watch's RetractionNature, the JATS article type)
 * @param reason why, as the source words it (Retraction Watch's reasons, ';'-separated); may be null
 * @param source where the notice was learnt: {@code retraction-watch} or the corpus path of the notice article
 */
public record EditorialNotice(
        String workDoi, NoticeType type, LocalDate date, String noticeDoi, String nature, String reason, String source)
        implements Serializable {

    public EditorialNotice {
        if (workDoi == null || workDoi.isBlank()) throw new IllegalArgumentException("a notice needs the work's DOI");
        if (type == null) throw new IllegalArgumentException("a notice needs a type");
    }

    /**
     * What makes two notices the same one, whichever source reported it: the work, the type and the notice's DOI
     * (or its date when it has no DOI). Importing a newer copy of a source updates, never duplicates.
     */
    public String key() {
        String which = noticeDoi != null ? noticeDoi : date != null ? date.toString() : "";
        return workDoi + "|" + type.wireName() + "|" + which;
    }

    /** The year of the notice, or null when its date is unknown. */
    public Integer year() {
        return date == null ? null : date.getYear();
    }
}
