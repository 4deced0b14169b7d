package org.peersupport;

import org.junit.jupiter.api.Test;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SmokeTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void signInPageIsServedToAnyone() {
        assertThat(mvc.get().uri("/login")).hasStatusOk().bodyText().contains("Sign in");
    }
}
