package org.peersupport.account;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

/**
 * With PASSWORD_SIGN_IN=false, only the identity providers sign people in: the page offers no
 * password form, and a password posted anyway signs nobody in, even the right one.
 */
@IntegrationTest
@TestPropertySource(properties = "peersupport.sign-in.password=false")
class PasswordSignInOffTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void the_password_form_is_gone_and_a_posted_password_signs_nobody_in() throws Exception {
        String page = mvc.get().uri("/login").exchange().getResponse().getContentAsString();
        assertThat(page).contains("Sign in with Test Hospital").doesNotContain("id=\"password\"")
                .doesNotContain("Forgotten your password");

        CurrentUser user = fixtures.account(Set.of(Role.COORDINATOR), Set.of(fixtures.hospital().hospitalId()), null);
        var posted = mvc.post().uri("/login").param("email", user.email()).param("password", Fixtures.PASSWORD)
                .with(csrf()).exchange();
        assertThat(posted).matches(unauthenticated());
        assertThat(posted.getResponse().getStatus()).as("refused, not an error").isBetween(400, 499);
        // A page that needs a sign-in still sends people to the sign-in page.
        assertThat(mvc.get().uri("/triage").exchange()).hasStatus(302).hasRedirectedUrl("/login");
    }
}
