package org.citelens.extract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable statement ids: the first 16 bytes of SHA-256 over (citing article id, reference id, sentence position). */
public final class StatementIds {
    private StatementIds() {}

    public static String of(String articleId, String refId, int sentencePosition) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
        // NUL separators: no id can be forged by moving characters from one part to the next
        String key = articleId + '\u0000' + refId + '\u0000' + sentencePosition;
        byte[] digest = sha.digest(key.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }
}
