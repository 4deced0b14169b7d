package org.peersupport.account.security;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.AuthenticatorAttachment;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Keeps a passkey registration's options (its challenge above all) in the session between the two
 * requests of the ceremony. Spring Security's own repository puts the options object itself in
 * the session, which is not serializable, and sessions here live in PostgreSQL so that any
 * instance may answer the second request; this keeps their values instead, and builds them again.
 */
final class SessionCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

    static final String ATTRIBUTE = "peersupport.passkey.creationOptions";

    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(PublicKeyCredentialParameters.EdDSA,
            PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.ES384,
            PublicKeyCredentialParameters.ES512, PublicKeyCredentialParameters.RS256,
            PublicKeyCredentialParameters.RS384, PublicKeyCredentialParameters.RS512,
            PublicKeyCredentialParameters.RS1);

    /** The options' values, all serializable. */
    record Snapshot(String rpId, String rpName, PublicKeyCredentialUserEntity user, Bytes challenge,
            List<Long> algorithms, Duration timeout, List<PublicKeyCredentialDescriptor> excluded,
            String attachment, String residentKey, String userVerification, String attestation,
            AuthenticationExtensionsClientInputs extensions) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        static Snapshot of(PublicKeyCredentialCreationOptions options) {
            AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
            return new Snapshot(options.getRp().getId(), options.getRp().getName(), options.getUser(),
                    options.getChallenge(),
                    options.getPubKeyCredParams().stream().map(p -> p.getAlg().getValue()).toList(),
                    options.getTimeout(),
                    options.getExcludeCredentials() == null ? null : List.copyOf(options.getExcludeCredentials()),
                    selection == null || selection.getAuthenticatorAttachment() == null ? null
                            : selection.getAuthenticatorAttachment().getValue(),
                    selection == null || selection.getResidentKey() == null ? null
                            : selection.getResidentKey().getValue(),
                    selection == null || selection.getUserVerification() == null ? null
                            : selection.getUserVerification().getValue(),
                    options.getAttestation() == null ? null : options.getAttestation().getValue(),
                    options.getExtensions());
        }

        PublicKeyCredentialCreationOptions options() {
            AuthenticatorSelectionCriteria.AuthenticatorSelectionCriteriaBuilder selection =
                    AuthenticatorSelectionCriteria.builder();
            if (attachment != null) {
                selection.authenticatorAttachment(AuthenticatorAttachment.valueOf(attachment));
            }
            if (residentKey != null) {
                selection.residentKey(ResidentKeyRequirement.valueOf(residentKey));
            }
            if (userVerification != null) {
                selection.userVerification(Stream.of(UserVerificationRequirement.REQUIRED,
                        UserVerificationRequirement.PREFERRED, UserVerificationRequirement.DISCOURAGED)
                        .filter(u -> u.getValue().equals(userVerification)).findFirst().orElseThrow());
            }
            return PublicKeyCredentialCreationOptions.builder()
                    .rp(PublicKeyCredentialRpEntity.builder().id(rpId).name(rpName).build())
                    .user(user)
                    .challenge(challenge)
                    .pubKeyCredParams(algorithms.stream().map(alg -> ALGORITHMS.stream()
                            .filter(p -> p.getAlg().getValue() == alg).findFirst().orElseThrow()).toList())
                    .timeout(timeout)
                    .excludeCredentials(excluded)
                    .authenticatorSelection(selection.build())
                    .attestation(attestation == null ? null : AttestationConveyancePreference.valueOf(attestation))
                    .extensions(extensions)
                    .build();
        }
    }

    @Override
    public void save(HttpServletRequest request, HttpServletResponse response,
            PublicKeyCredentialCreationOptions options) {
        if (options == null) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(ATTRIBUTE);
            }
            return;
        }
        request.getSession().setAttribute(ATTRIBUTE, Snapshot.of(options));
    }

    @Override
    public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof Snapshot snapshot ? snapshot.options()
                : null;
    }
}
