package org.peersupport.survey.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret in an invitation link: 256 random bits, written as 43 URL-safe characters. Only its
 * SHA-256 hash is stored. A token has no readable {@code toString()}, so it cannot end up in a log
 * by accident; its value is read only to write the e-mail.
 */
public final class Token {

    static final int BYTES = 32;

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private Token(String value) {
        this.value = value;
    }

    public static Token generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new Token(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The hash a link is looked up by, or nothing when the text cannot be a token at all. */
    public static Optional<byte[]> hashOf(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(sha256(text));
    }

    public String value() {
        return value;
    }

    public byte[] hash() {
        return sha256(value);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public String toString() {
        return "Token[hidden]";
    }
}
