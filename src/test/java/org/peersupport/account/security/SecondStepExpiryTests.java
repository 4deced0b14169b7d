package org.peersupport.account.security;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** A password typed and left: after ten minutes the pending sign-in is over, even with a right code. */
@IntegrationTest
class SecondStepExpiryTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    @Test
    void a_pending_sign_in_older_than_ten_minutes_starts_over() throws Exception {
        CurrentUser coordinator = fixtures.coordinator(fixtures.hospital().hospitalId());
        MvcResult password = mvc.perform(formLogin("/login").user("email", coordinator.email())
                .password("password", Fixtures.PASSWORD)).andReturn();
        assertThat(password.getResponse().getRedirectedUrl()).isEqualTo(SecondStep.PATH);
        Cookie pending = password.getResponse().getCookie("SESSION");

        pendingSince(pending, new SecondStep.Pending(coordinator.accountId(), coordinator.email(),
                fixtures.now().minus(SecondStep.LIFETIME).plus(Duration.ofSeconds(30))));
        assertThat(mvc.perform(get(SecondStep.PATH).cookie(pending)).andReturn().getResponse().getStatus())
                .as("nine and a half minutes on").isEqualTo(200);

        pendingSince(pending, new SecondStep.Pending(coordinator.accountId(), coordinator.email(),
                fixtures.now().minus(SecondStep.LIFETIME)));
        MvcResult late = mvc.perform(post(SecondStep.PATH).cookie(pending).with(csrf())
                .param("code", fixtures.secondFactorCode(coordinator.email()))).andReturn();
        assertThat(late.getResponse().getRedirectedUrl()).isEqualTo("/login?ended");
        assertThat(mvc.perform(get("/triage").cookie(pending)).andReturn().getResponse().getRedirectedUrl())
                .endsWith("/login");
    }

    private void pendingSince(Cookie cookie, SecondStep.Pending pending) {
        String id = new String(java.util.Base64.getDecoder().decode(cookie.getValue()),
                java.nio.charset.StandardCharsets.UTF_8);
        save(sessions, id, new SecurityContextImpl(pending));
    }

    private static <S extends Session> void save(FindByIndexNameSessionRepository<S> repository, String id,
            SecurityContext context) {
        S session = repository.findById(id);
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        repository.save(session);
    }
}
