package org.peersupport.web;

import org.junit.jupiter.api.Test;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@IntegrationTest
class SecurityHeadersTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void everyResponseCarriesAStrictContentSecurityPolicy() {
        for (MvcTestResult result : new MvcTestResult[] {mvc.get().uri("/login").exchange(),
                mvc.get().uri("/crisis").exchange(), mvc.get().uri("/").with(user(fixtures.admin())).exchange()}) {
            String csp = result.getResponse().getHeader("Content-Security-Policy");
            assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'",
                    "base-uri 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            // Forms post here only; sign-out may go on to the identity provider's sign-out page.
            assertThat(csp).contains("form-action 'self' " + org.peersupport.support.TestOidcProvider.issuer() + ";");
            assertThat(result.getResponse().getHeader("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(result.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
        }
    }

    @Test
    void signedInPagesAreNeverCached() {
        MvcTestResult result = mvc.get().uri("/roster").with(user(fixtures.admin())).exchange();
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getHeader("Cache-Control")).contains("no-store");
    }

    @Test
    void pagesHaveNoInlineScript() throws Exception {
        String html = mvc.get().uri("/").with(user(fixtures.admin())).exchange().getResponse().getContentAsString(
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContain(" onclick=")
                .doesNotContain(" style=\"");
    }
}
