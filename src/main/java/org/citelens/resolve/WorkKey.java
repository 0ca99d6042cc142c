package org.citelens.resolve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The id of a work whose DOI is unknown: {@code key:<surname>-<year>-<title fingerprint hash>}. Every reference
 * that writes the same first-author surname, year and title (after normalisation) gets the same key, so an
 * unresolved work cited by many articles still aggregates under one id.
 */
public final class WorkKey {
    public static final String PREFIX = "key:";

    private WorkKey() {}

    /** The key of a variant; null when it has neither title nor surname to build one from. */
    public static String of(WorkVariant v) {
        WorkVariant.Normalized n = v.normalized();
        if (n.fingerprint().isEmpty() && n.surnameKey().isEmpty()) return null;
        String surname = n.surnameKey().isEmpty() ? "anon" : n.surnameKey();
        String year = v.year() == null ? "nd" : v.year().toString();
        return PREFIX + surname + "-" + year + "-" + hash(n.fingerprint());
    }

    public static boolean isKey(String workId) {
        return workId != null && workId.startsWith(PREFIX);
    }

    private static String hash(String fingerprint) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
