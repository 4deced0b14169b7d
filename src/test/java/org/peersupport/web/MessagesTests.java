package org.peersupport.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a user reads comes from messages.properties: each key a template or the code names
 * exists there, and every translation beside it has the same keys, so a translation is one file away.
 */
class MessagesTests {

    private static final Path RESOURCES = Path.of("src/main/resources");

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");

    /** Message keys written as string literals in Java: "word.word..." that end in a word. */
    private static final Pattern CODE_KEY = Pattern.compile(
            "\"((?:account|password|hospital|department|roster|import|settings|login|error|survey|campaign|template|question|answer|results)\\.[A-Za-z.]+)\"");

    @Test
    void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
        Properties messages = load(RESOURCES.resolve("messages.properties"));
        Set<String> used = new TreeSet<>();
        collect(RESOURCES.resolve("templates"), ".html", TEMPLATE_KEY, used);
        collect(Path.of("src/main/java"), ".java", CODE_KEY, used);
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(used).allSatisfy(key -> assertThat(messages).as("messages.properties").containsKey(key));
    }

    /** Every message goes through MessageFormat (web.Messages), where a lone ' quotes. */
    @Test
    void apostrophesAreDoubled() throws IOException {
        Properties messages = load(RESOURCES.resolve("messages.properties"));
        assertThat(messages.stringPropertyNames()).allSatisfy(key ->
                assertThat(messages.getProperty(key).replace("''", "")).as(key).doesNotContain("'"));
    }

    /** A key written twice silently takes its last text; the first one is never shown. */
    @Test
    void noKeyIsWrittenTwice() throws IOException {
        Set<String> seen = new java.util.HashSet<>();
        java.util.List<String> twice = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(RESOURCES.resolve("messages.properties"))) {
            int equals = line.indexOf('=');
            if (!line.isBlank() && !line.startsWith("#") && equals > 0 && !seen.add(line.substring(0, equals).strip())) {
                twice.add(line.substring(0, equals).strip());
            }
        }
        assertThat(twice).isEmpty();
    }

    @Test
    void translationsHaveTheSameKeys() throws IOException {
        Set<Object> base = load(RESOURCES.resolve("messages.properties")).keySet();
        try (Stream<Path> files = Files.list(RESOURCES)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("messages_.+\\.properties")).toList()) {
                assertThat(load(file).keySet()).as(file.toString()).containsExactlyInAnyOrderElementsOf(base);
            }
        }
    }

    private static void collect(Path root, String suffix, Pattern pattern, Set<String> into) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    String key = matcher.group(1);
                    if (!key.endsWith(".") && !key.equals("roster.csv") && !key.startsWith("error.generic.html")) {
                        into.add(key);
                    }
                }
            }
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }

    /**
     * Texts with whole numbers are kept per text and numbers: each look gives the text of its own
     * numbers; a text with any other argument is formatted at every look.
     */
    @Test
    void textsWithNumbersAreFormattedPerNumber() {
        org.springframework.context.MessageSource source = new Messages().messageSource();
        java.util.Locale english = java.util.Locale.ENGLISH;
        for (int look = 0; look < 2; look++) {
            assertThat(source.getMessage("due.in", new Object[] {0L}, english)).isEqualTo("due within the hour");
            assertThat(source.getMessage("due.in", new Object[] {1L}, english)).isEqualTo("due in 1 h");
            assertThat(source.getMessage("due.in", new Object[] {5L}, english)).isEqualTo("due in 5 h");
            assertThat(source.getMessage("due.in", new Object[] {5}, english)).isEqualTo("due in 5 h");
            assertThat(source.getMessage("due.overdue", new Object[] {5L}, english)).isEqualTo("overdue by 5 h");
            assertThat(source.getMessage("pager.position", new Object[] {2, 9, 201}, english))
                    .isEqualTo("Page 2 of 9 (201 in all)");
            assertThat(source.getMessage("pager.position", new Object[] {3, 9, 201}, english))
                    .isEqualTo("Page 3 of 9 (201 in all)");
        }
        assertThat(source.getMessage("import.problem.duplicate", new Object[] {"a@example.org", 2}, english))
                .isEqualTo("The e-mail a@example.org is already on row 2 of this file.");
        assertThat(source.getMessage("import.problem.duplicate", new Object[] {"b@example.org", 2}, english))
                .isEqualTo("The e-mail b@example.org is already on row 2 of this file.");
    }

    /** The app's message source reads every text through MessageFormat, with or without arguments, every time. */
    @Test
    void theMessageSourceUndoublesApostrophesWithAndWithoutArguments() {
        org.springframework.context.MessageSource source = new Messages().messageSource();
        for (int look = 0; look < 2; look++) {
            assertThat(source.getMessage("crisis.more.eap", null, java.util.Locale.ENGLISH))
                    .startsWith("Your hospital's Employee Assistance Program");
            assertThat(source.getMessage("settings.error.groupBelowFloor", new Object[] {5}, java.util.Locale.ENGLISH))
                    .isEqualTo("At least 5: a smaller group could let one person's answers be told apart.");
        }
        assertThat(source.getMessage("no.such.text", null, "fallback", java.util.Locale.ENGLISH)).isEqualTo("fallback");
        assertThat(source.getMessage("no.such.text", new Object[] {3}, "fallback", java.util.Locale.ENGLISH))
                .isEqualTo("fallback");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> source.getMessage("no.such.text", null, java.util.Locale.ENGLISH))
                .isInstanceOf(org.springframework.context.NoSuchMessageException.class);
    }
}
