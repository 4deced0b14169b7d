package org.peersupport.account;

import org.junit.jupiter.api.Test;
import org.peersupport.account.domain.PasswordPolicy;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void twelveCharactersAreEnoughAndElevenAreNot() {
        assertThat(policy.problem("river-lamp-1", null)).isEmpty();
        assertThat(policy.problem("river-lamp1", null)).contains("password.error.tooShort");
    }

    @Test
    void noCompositionRules() {
        assertThat(policy.problem("all lower case words", null)).isEmpty();
    }

    @Test
    void atMost128CharactersCountedAsCharactersNotBytes() {
        assertThat(policy.problem("é".repeat(128), null)).isEmpty();
        assertThat(policy.problem("a".repeat(129), null)).contains("password.error.tooLong");
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheirCase() {
        assertThat(policy.problem("password1234", null)).contains("password.error.common");
        assertThat(policy.problem("Password1234", null)).contains("password.error.common");
        assertThat(policy.problem("123456789012", null)).contains("password.error.common");
        assertThat(policy.problem("qwertyuiop123", null)).contains("password.error.common");
    }

    @Test
    void theEmailIsNotAPassword() {
        assertThat(policy.problem("dr.long.name@hospital.org", "Dr.Long.Name@hospital.org"))
                .contains("password.error.email");
        assertThat(policy.problem("dr.long.name", "dr.long.name@hospital.org")).contains("password.error.email");
    }

    @Test
    void emptyIsRequired() {
        assertThat(policy.problem("", null)).contains("password.error.required");
        assertThat(policy.problem(null, null)).contains("password.error.required");
    }
}
