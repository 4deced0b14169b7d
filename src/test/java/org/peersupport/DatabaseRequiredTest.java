package org.peersupport;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DatabaseRequiredTest {

    static final ClassLoader HERE = DatabaseRequiredTest.class.getClassLoader();

    /** Sees only the JDK: like the packaged jar, which has no embedded PostgreSQL. */
    static final ClassLoader PACKAGED = new ClassLoader(null) {
    };

    @Test
    void a_database_url_is_enough() {
        assertThatCode(() -> DatabaseRequired.check(
                new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/peersupport"), PACKAGED))
                .doesNotThrowAnyException();
    }

    @Test
    void without_one_outside_development_the_app_refuses_to_start_and_says_what_to_set() {
        assertThatIllegalStateException().isThrownBy(() -> DatabaseRequired.check(new MockEnvironment()
                .withProperty("spring.datasource.url", " "), HERE))
                .withMessageContaining("Set DATABASE_URL").withMessageContaining("./mvnw spring-boot:run");
    }

    @Test
    void development_starts_the_embedded_database_only_where_it_exists() {
        MockEnvironment development = new MockEnvironment().withProperty("peersupport.embedded-database.enabled", "true");
        assertThatCode(() -> DatabaseRequired.check(development, HERE)).doesNotThrowAnyException();
        // The dev profile switched on for the packaged jar still finds no embedded PostgreSQL in it.
        assertThatIllegalStateException().isThrownBy(() -> DatabaseRequired.check(development, PACKAGED))
                .withMessageContaining("DATABASE_URL");
    }
}
