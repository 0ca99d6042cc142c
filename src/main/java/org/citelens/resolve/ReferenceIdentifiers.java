package org.citelens.resolve;

import org.citelens.model.Doi;
import org.citelens.model.Reference;

/** Finds a reference's DOI wherever the article put it: the DOI field first, then links and raw text. */
public final class ReferenceIdentifiers {
    private ReferenceIdentifiers() {}

    /** The normalised DOI of the reference, or null when it names none. */
    public static String doi(Reference ref) {
        String fromField = Doi.normalize(ref.doi()).orElse(null);
        if (fromField != null) return fromField;
        return Doi.normalize(ref.rawText()).orElse(null);
    }
}
