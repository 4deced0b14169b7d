package org.peersupport.account.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Length, not composition (NIST SP 800-63B): at least 12 characters, at most 128, and not one of
 * the common passwords shipped with the app, nor the account's own e-mail address.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;

    public static final int MAX_LENGTH = 128;

    private final Set<String> common;

    public PasswordPolicy() {
        this.common = load("account/common-passwords.txt");
    }

    /** The message key of the first rule the password breaks, if any. */
    public Optional<String> problem(String password, String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of("password.error.required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("password.error.tooShort");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("password.error.tooLong");
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (common.contains(folded)) {
            return Optional.of("password.error.common");
        }
        if (email != null && (folded.equals(email.toLowerCase(Locale.ROOT))
                || folded.equals(email.toLowerCase(Locale.ROOT).split("@")[0]))) {
            return Optional.of("password.error.email");
        }
        return Optional.empty();
    }

    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = new ClassPathResource(resource).getInputStream();
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return Set.copyOf(words);
    }
}
