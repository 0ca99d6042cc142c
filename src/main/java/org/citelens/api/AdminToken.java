package org.citelens.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The curators' secret, read once from a file. Only its SHA-256 digest is kept, and a presented token is compared
 * digest to digest with {@link MessageDigest#isEqual}, which takes the same time wherever the bytes differ: the
 * comparison says nothing about how much of a guess was right, nor about the token's length. It has no
 * {@code toString} that could print it, and the server never logs request headers.
 */
public final class AdminToken {
    /** Shorter secrets can be guessed at the rate limit's pace; the file must hold a real one. */
    static final int MIN_LENGTH = 16;

    private final byte[] digest;

    private AdminToken(byte[] digest) {
        this.digest = digest;
    }

    /**
     * Reads the token (the file's text, surrounding white space dropped).
     *
     * @throws IllegalArgumentException when the token is shorter than 16 characters
     */
    public static AdminToken fromFile(Path file) throws IOException {
        String token = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (token.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the admin token in " + file + " is shorter than " + MIN_LENGTH
                    + " characters; put a long random secret there, e.g. the output of: openssl rand -hex 32");
        }
        return new AdminToken(sha256(token));
    }

    boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "AdminToken[hidden]";
    }
}
