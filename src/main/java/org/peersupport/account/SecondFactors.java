package org.peersupport.account;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

import org.peersupport.account.domain.Account;
import org.peersupport.account.domain.AccountRepository;
import org.peersupport.account.security.AccountSessions;
import org.peersupport.audit.AuditLog;
import org.peersupport.shared.NotFoundException;
import org.peersupport.shared.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriUtils;

/**
 * The second factor: an authenticator app's one-time codes, with recovery codes for a lost phone,
 * and passkeys. Administrators and coordinators, who can see who was referred across a hospital,
 * give one after their password (ASVS level 2); anyone may add a passkey and sign in with it alone.
 * Codes are checked against the app's clock, and each is good once.
 */
@Service
@Transactional(readOnly = true)
public class SecondFactors {

    /** The program's name as the authenticator app shows it above the code. */
    static final String ISSUER = "Peer support";

    static final int RECOVERY_CODES = 10;

    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRepository accounts;

    private final Clock clock;

    private final AuditLog audit;

    private final AccountSessions sessions;

    private final ApplicationEventPublisher events;

    private final PublicKeyCredentialUserEntityRepository passkeyUsers;

    private final UserCredentialRepository passkeys;

    SecondFactors(AccountRepository accounts, Clock clock, AuditLog audit, AccountSessions sessions,
            ApplicationEventPublisher events, PublicKeyCredentialUserEntityRepository passkeyUsers,
            UserCredentialRepository passkeys) {
        this.accounts = accounts;
        this.clock = clock;
        this.audit = audit;
        this.sessions = sessions;
        this.events = events;
        this.passkeyUsers = passkeyUsers;
        this.passkeys = passkeys;
    }

    /** Whom a password alone does not sign in. */
    public static boolean required(CurrentUser user) {
        return required(user.roles());
    }

    static boolean required(java.util.Set<Role> roles) {
        return roles.contains(Role.ADMIN) || roles.contains(Role.COORDINATOR);
    }

    /** What the person has set up. */
    public record Status(boolean authenticatorApp, int recoveryCodesLeft, List<Passkey> passkeys) {

        public boolean any() {
            return authenticatorApp || !passkeys.isEmpty();
        }
    }

    /** A passkey as its owner named it, with its id for removal (base64url). */
    public record Passkey(String id, String label, Instant created, Instant lastUsed) {
    }

    /** A new authenticator app key, not yet confirmed, and the link an app on this phone opens. */
    public record NewKey(String key, String grouped, String uri) implements java.io.Serializable {
    }

    public Status status(long accountId) {
        Account account = load(accountId);
        return new Status(account.hasAuthenticatorApp(), account.recoveryCodesLeft(), passkeys(account.getEmail()));
    }

    public NewKey newKey(String email) {
        String key = Totp.newKey();
        String label = UriUtils.encodePathSegment(ISSUER + ":" + email, StandardCharsets.UTF_8);
        String uri = "otpauth://totp/" + label + "?secret=" + key + "&issuer="
                + UriUtils.encodeQueryParam(ISSUER, StandardCharsets.UTF_8) + "&digits=" + Totp.DIGITS + "&period=30";
        return new NewKey(key, key.replaceAll("(.{4})(?!$)", "$1 "), uri);
    }

    /**
     * Sets up the authenticator app once the person typed its current code, unless one is set up
     * already (only an administrator's reset replaces it); returns the recovery codes, to be shown
     * once (only their hashes are kept).
     */
    @Transactional
    public List<String> setUpAuthenticatorApp(long accountId, String key, String code) {
        Account account = load(accountId);
        // Set up once: a second page opened while the first was being used must not replace the app.
        if (account.hasAuthenticatorApp()) {
            throw new RuleViolationException("code", "secondFactor.error.alreadySetUp");
        }
        OptionalLong step = Totp.stepOf(key, normalise(code), clock.instant());
        if (step.isEmpty()) {
            throw new RuleViolationException("code", "secondFactor.error.wrongCode");
        }
        List<String> codes = newRecoveryCodes();
        account.setUpAuthenticatorApp(key, step.getAsLong(), hashes(codes));
        audit.record(accountId, "SECOND_FACTOR_SET_UP", "account", String.valueOf(accountId));
        return codes;
    }

    /** Checks a code from the authenticator app, or a recovery code (used up). Failures are audited. */
    @Transactional
    public boolean verify(long accountId, String typed) {
        Account account = load(accountId);
        String code = normalise(typed);
        boolean good;
        if (code.length() == Totp.DIGITS) {
            OptionalLong step = account.hasAuthenticatorApp()
                    ? Totp.stepOf(account.authenticatorKey(), code, clock.instant()) : OptionalLong.empty();
            good = step.isPresent() && account.acceptCodeOf(step.getAsLong());
        }
        else {
            good = !code.isEmpty() && code.length() <= 40 && account.useRecoveryCode(hash(code));
            if (good) {
                audit.record(accountId, "RECOVERY_CODE_USED", "account", String.valueOf(accountId));
            }
        }
        if (!good) {
            audit.record(accountId, "SECOND_FACTOR_FAILED", "account", String.valueOf(accountId));
        }
        return good;
    }

    /** New recovery codes in place of the old, shown once. */
    @Transactional
    public List<String> replaceRecoveryCodes(long accountId) {
        Account account = load(accountId);
        if (!account.hasAuthenticatorApp()) {
            throw new RuleViolationException(null, "secondFactor.error.noApp");
        }
        List<String> codes = newRecoveryCodes();
        account.replaceRecoveryCodes(hashes(codes));
        audit.record(accountId, "RECOVERY_CODES_REPLACED", "account", String.valueOf(accountId));
        return codes;
    }

    /**
     * An administrator forgets another person's authenticator app, recovery codes and passkeys:
     * their sessions end, and their next sign-in sets up a new second factor. Audited, and the
     * person is told by e-mail.
     */
    @Transactional
    public void reset(long accountId, long administratorId) {
        if (accountId == administratorId) {
            throw new RuleViolationException(null, "secondFactor.error.resetSelf");
        }
        Account account = load(accountId);
        account.resetSecondFactor();
        PublicKeyCredentialUserEntity user = passkeyUsers.findByUsername(account.getEmail());
        if (user != null) {
            passkeys.findByUserId(user.getId()).forEach(passkey -> passkeys.delete(passkey.getCredentialId()));
        }
        audit.record(administratorId, "SECOND_FACTOR_RESET", "account", String.valueOf(accountId));
        sessions.endAll(accountId);
        events.publishEvent(new SecondFactorReset(accountId));
    }

    /** Removes one of the person's own passkeys; another person's id finds nothing. */
    @Transactional
    public void removePasskey(long accountId, String passkeyId) {
        Account account = load(accountId);
        Passkey passkey = passkeys(account.getEmail()).stream().filter(p -> p.id().equals(passkeyId)).findFirst()
                .orElseThrow(() -> new NotFoundException());
        passkeys.delete(Bytes.fromBase64(passkey.id()));
        audit.record(accountId, "PASSKEY_REMOVED", "account", String.valueOf(accountId));
    }

    private List<Passkey> passkeys(String email) {
        PublicKeyCredentialUserEntity user = passkeyUsers.findByUsername(email);
        if (user == null) {
            return List.of();
        }
        List<Passkey> list = new ArrayList<>();
        for (CredentialRecord record : passkeys.findByUserId(user.getId())) {
            list.add(new Passkey(record.getCredentialId().toBase64UrlString(), record.getLabel(), record.getCreated(),
                    record.getLastUsed()));
        }
        list.sort(java.util.Comparator.comparing(Passkey::created, java.util.Comparator.nullsLast(
                java.util.Comparator.naturalOrder())));
        return list;
    }

    private Account load(long accountId) {
        return accounts.findById(accountId).orElseThrow(() -> new NotFoundException());
    }

    /** Spaces and dashes as people type them, in any case. */
    static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    private static List<String> newRecoveryCodes() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                if (c == 5) {
                    code.append('-');
                }
                code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    private static Set<String> hashes(List<String> codes) {
        Set<String> hashes = new HashSet<>();
        codes.forEach(code -> hashes.add(hash(normalise(code))));
        return hashes;
    }

    private static String hash(String code) {
        return Hashes.sha256(code);
    }
}
