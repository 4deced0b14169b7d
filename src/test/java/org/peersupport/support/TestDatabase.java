package org.peersupport.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The tests' PostgreSQL, one per test JVM, from the first source available: Testcontainers when
 * Docker runs, else TEST_DATABASE_URL, else an embedded PostgreSQL. Never H2.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

    record Connection(String url, String username, String password, String source) {
    }

    private static Connection connection;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Connection c = connection();
        TestPropertyValues.of("spring.datasource.url=" + c.url(), "spring.datasource.username=" + c.username(),
                "spring.datasource.password=" + c.password()).applyTo(context);
    }

    static synchronized Connection connection() {
        if (connection == null) {
            connection = start();
            log.info("Tests use PostgreSQL from {}", connection.source());
        }
        return connection;
    }

    /**
     * A new, empty database on the tests' server, for a context that needs one of its own (the
     * demo program loads only into a database without hospitals).
     */
    public static final class Empty implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Connection c = connection();
            String name = "empty_" + System.nanoTime();
            try (java.sql.Connection sql = java.sql.DriverManager.getConnection(c.url(), c.username(), c.password());
                    java.sql.Statement statement = sql.createStatement()) {
                statement.execute("create database " + name);
            }
            catch (java.sql.SQLException ex) {
                throw new IllegalStateException("Could not create a database for a test", ex);
            }
            // jdbc:postgresql://host:port/database?parameters: the same server, the new database.
            String url = c.url().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
            TestPropertyValues.of("spring.datasource.url=" + url, "spring.datasource.username=" + c.username(),
                    "spring.datasource.password=" + c.password()).applyTo(context);
        }
    }

    private static Connection start() {
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "Testcontainers");
        }
        String url = System.getenv("TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return new Connection(url, env("TEST_DATABASE_USERNAME"), env("TEST_DATABASE_PASSWORD"),
                    "TEST_DATABASE_URL");
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", "embedded PostgreSQL");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException | LinkageError ex) {
            return false;
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
