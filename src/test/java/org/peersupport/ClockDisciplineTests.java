package org.peersupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test of the build, like {@link ModularityTests}: every "now" comes from the one clock bean, so
 * that the app and its tests agree on the hour and can be started at any instant. It fails on a
 * class's static "now" called without a clock (or with a zone only), on a new java.util date, on
 * the system's millisecond clock, and on a system clock made anywhere but where the one clock is
 * configured. Its own examples are built from parts, so this file passes its own scan too.
 */
class ClockDisciplineTests {

    /** A class's static "now", such as the one of LocalDate; an object's own "now" is the app's. */
    private static final Pattern NOW_CALL = Pattern.compile("\\b[A-Z]\\w*\\.now\\(([^)]*)\\)");

    private static final Pattern OTHER_CLOCKS = Pattern.compile(
            "new\\s+(java\\.util\\.)?Date\\(\\s*\\)|System\\.current" + "TimeMillis\\(|Clock\\.system(UTC|DefaultZone)?\\(");

    /** The one place a system clock may be made. */
    private static final Path CLOCK_CONFIGURATION = Path.of("src/main/java/org/peersupport/shared/ClockConfiguration.java");

    @Test
    void every_now_comes_from_the_clock() {
        assertThat(offences(Path.of("src/main"))).isEmpty();
        assertThat(offences(Path.of("src/test"))).isEmpty();
    }

    @Test
    void the_scan_finds_what_it_looks_for() {
        assertThat(offences(call("LocalDate", "now", ""))).hasSize(1);
        assertThat(offences(call("Instant", "now", " "))).hasSize(1);
        assertThat(offences(call("LocalDateTime", "now", "zone"))).hasSize(1);
        assertThat(offences(call("ZonedDateTime", "now", "ZoneId.of(\"UTC\")"))).hasSize(1);
        assertThat(offences("x = new " + "Date" + "();")).hasSize(1);
        assertThat(offences(call("System", "current" + "TimeMillis", ""))).hasSize(1);
        assertThat(offences(call("Clock", "systemUTC", ""))).hasSize(1);
        assertThat(offences(call("java.time.LocalDate", "now", ""))).hasSize(1);
        assertThat(offences(call("LocalDate", "now", "clock.withZone(zone)") + call("calendar", "now", "")
                + call("Instant", "now", "clock"))).isEmpty();
    }

    /** A statement calling a method on a type or an object, built from parts so this file holds none. */
    private static String call(String receiver, String method, String arguments) {
        return "x = " + receiver + "." + method + "(" + arguments + ");";
    }

    private static List<String> offences(Path root) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (file.equals(CLOCK_CONFIGURATION)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    for (String offence : offences(lines.get(i))) {
                        found.add(file + ":" + (i + 1) + ": " + offence);
                    }
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return found;
    }

    private static List<String> offences(String line) {
        List<String> found = new ArrayList<>();
        Matcher now = NOW_CALL.matcher(line);
        while (now.find()) {
            if (!now.group(1).toLowerCase().contains("clock")) {
                found.add(now.group());
            }
        }
        Matcher other = OTHER_CLOCKS.matcher(line);
        while (other.find()) {
            found.add(other.group());
        }
        return found;
    }
}
