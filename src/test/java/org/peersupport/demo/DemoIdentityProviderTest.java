package org.peersupport.demo;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Demo Hospital" signs anyone in as anyone, so it never starts over a real database, nor unless
 * the dev profile asks for it. (It starting, and signing people in, is what the tests' own
 * provider, the same IdentityProvider, shows: SingleSignOnTests.)
 */
class DemoIdentityProviderTest {

    @Test
    void it_does_not_start_over_a_database_named_by_database_url_nor_unless_asked() {
        MockEnvironment external = new MockEnvironment().withProperty(DemoIdentityProvider.ENABLED, "true")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example.org:5432/peersupport");
        new DemoIdentityProvider(new DeferredLogs()).postProcessEnvironment(external, new SpringApplication());
        assertThat(external.getPropertySources().contains("demoIdentityProvider")).isFalse();
        assertThat(external.getProperty("spring.security.oauth2.client.provider.demo-hospital.issuer-uri")).isNull();

        MockEnvironment notAsked = new MockEnvironment().withProperty("spring.datasource.url", "");
        new DemoIdentityProvider(new DeferredLogs()).postProcessEnvironment(notAsked, new SpringApplication());
        assertThat(notAsked.getPropertySources().contains("demoIdentityProvider")).isFalse();
    }
}
