package org.citelens.resolve;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.citelens.model.Doi;
import org.citelens.model.Reference;

/** Finds a reference's DOI wherever the article put it: the DOI field first, then links and raw text. */
public final class ReferenceIdentifiers {
    private static final Pattern YEAR = Pattern.compile("(?<![0-9./-])((?:19|20)\\d\\d)(?![0-9])");
    /** A capitalised surname followed by initials or a comma, as reference lists start. */
    private static final Pattern LEADING_SURNAME = Pattern.compile(
            "(?:\\d+\\.?\\s+)?(\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{Ll}'’-]+)?)(?=,|\\s+\\p{Lu}\\.?\\p{Lu}?\\.?[,\\s])");

    private ReferenceIdentifiers() {}

    /** The normalised DOI of the reference, or null when it names none. */
    public static String doi(Reference ref) {
        String fromField = Doi.normalize(ref.doi()).orElse(null);
        if (fromField != null) return fromField;
        String fromText = Doi.normalize(ref.rawText()).orElse(null);
        // raw text can run the DOI into the PMID that follows it when the markup had no space between them
        String pmid = ref.pmid() == null ? "" : ref.pmid().strip();
        if (fromText != null && !pmid.isEmpty() && fromText.endsWith(pmid) && fromText.length() > pmid.length() + 8) {
            fromText = fromText.substring(0, fromText.length() - pmid.length());
        }
        return fromText;
    }

    /** The first plausible publication year in a reference's raw text, or null. */
    static Integer yearInText(String raw) {
        if (raw == null) return null;
        Matcher m = YEAR.matcher(raw);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** The first author's surname of an unstructured reference ("Livak KJ, Schmittgen TD. ..."), or null. */
    static String surnameInText(String raw) {
        if (raw == null) return null;
        Matcher m = LEADING_SURNAME.matcher(raw.strip());
        return m.lookingAt() ? m.group(1) : null;
    }
}
