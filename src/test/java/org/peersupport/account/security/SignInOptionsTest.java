package org.peersupport.account.security;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in options read from the environment, as a deployment sets them. */
class SignInOptionsTest {

    @Test
    void a_providers_hospitals_are_read_from_its_environment_variable() {
        MockEnvironment environment = new MockEnvironment().withProperty("peersupport.sso.okta.hospitals", "12");
        // A variable in the environment's own spelling, as Docker or systemd set it.
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("PEERSUPPORT_SSO_ENTRA_HOSPITALS", "3,7")));
        SignInOptions options = new SignInOptions(
                new StaticListableBeanFactory().getBeanProvider(ClientRegistrationRepository.class), false,
                environment);

        assertThat(options.hospitals("okta")).containsExactly(12L);
        assertThat(options.hospitals("other")).as("a provider without a limit signs in every hospital's people")
                .isEmpty();
        assertThat(options.password()).isFalse();
        assertThat(options.providers()).isEmpty();
        assertThat(options.signOutOrigins()).isEmpty();
        assertThat(options.hospitals("entra")).containsExactlyInAnyOrder(3L, 7L);
    }
}
