package org.citelens.parse;

import java.util.Locale;
import java.util.regex.Pattern;
import org.citelens.model.SectionType;

/**
 * Decides a section's rhetorical type from its {@code sec-type} (or class) and heading. Shared by every parser
 * so that the same heading means the same type whatever the format.
 */
public final class SectionTypes {
    private static final Pattern NUMBERING = Pattern.compile("^\\s*(?:\\d+(?:\\.\\d+)*\\.?|[IVX]+[.)])\\s*");

    private SectionTypes() {}

    /** @param secType the format's own section type attribute, may be null; @param heading may be null */
    public static SectionType classify(String secType, String heading) {
        SectionType fromType = fromText(secType);
        if (fromType != SectionType.OTHER) return fromType;
        return fromText(heading);
    }

    static SectionType fromText(String text) {
        if (text == null) return SectionType.OTHER;
        String h = NUMBERING.matcher(text.strip()).replaceFirst("").toLowerCase(Locale.ROOT);
        if (h.isEmpty()) return SectionType.OTHER;
        // "Results and discussion" is a discussion of the authors' own results: both cues, discussion wins
        // because that is where agreement with prior work is argued.
        if (h.contains("discussion")
                || h.startsWith("conclusion")
                || h.contains("concluding")
                || h.startsWith("summary")
                || h.startsWith("general discussion")
                || h.contains("limitations")
                || h.startsWith("disscussion")
                || h.equals("outlook")
                || h.startsWith("perspectives")
                || h.startsWith("practical perspectives")
                || h.startsWith("future prospects")
                || h.startsWith("prospects")) return SectionType.DISCUSSION;
        if (h.startsWith("result") || h.contains("findings") || h.contains("results")) return SectionType.RESULTS;
        if (h.contains("method")
                || h.contains("material")
                || h.startsWith("experimental")
                || h.contains("procedure")
                || h.contains("statistical analys")
                || h.startsWith("study design")
                || h.startsWith("data analys")
                || h.startsWith("plant material")
                || h.startsWith("sample")
                || h.contains("protocol")
                || h.startsWith("data collection")
                || h.startsWith("study area")
                || h.startsWith("study site")) return SectionType.METHODS;
        if (h.startsWith("intro")
                || h.startsWith("background")
                || h.startsWith("literature review")
                || h.startsWith("related work")
                || h.startsWith("overview")
                || h.startsWith("motivation")
                || h.equals("preamble")) return SectionType.INTRODUCTION;
        return SectionType.OTHER;
    }
}
