package org.peersupport.account.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.peersupport.account.CurrentUser;
import org.peersupport.account.Role;
import org.peersupport.shared.RuleViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;

@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String email;

    private String displayName;

    private String passwordHash;

    /** The roster row, by id: the roster belongs to the organization module. */
    private Long physicianId;

    private boolean enabled = true;



    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_hospital_scope", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "hospital_id")
    private Set<Long> hospitalIds = new HashSet<>();

    /** The authenticator app's key (base32), once the person has set one up; null before. */
    private String totpSecret;

    /** The last time step whose code was accepted: a code is good once. */
    private Long totpLastStep;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "account_recovery_code", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "code_hash")
    private Set<String> recoveryCodeHashes = new HashSet<>();

    @Version
    private long version;

    // Written by the database's default on insert: a record-keeping time that no rule reads.
    @Column(insertable = false, updatable = false)
    private Instant createdAt;

    protected Account() {
    }

    public Account(String email, String displayName, String passwordHash, Set<Role> roles, Set<Long> hospitalIds,
            Long physicianId) {
        this.email = normaliseEmail(email);
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        changeAccess(displayName, roles, hospitalIds, physicianId);
    }

    public static String normaliseEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Sets what the person may do. A coordinator works for at least one hospital; only a
     * coordinator keeps hospital scopes; a clinician's account is linked to its roster row.
     */
    public void changeAccess(String displayName, Set<Role> roles, Set<Long> hospitalIds, Long physicianId) {
        RuleViolationException.throwIfAny(accessRules(roles, hospitalIds, physicianId));
        boolean coordinator = roles.contains(Role.COORDINATOR);
        this.displayName = displayName;
        this.roles = EnumSet.copyOf(roles);
        this.hospitalIds = coordinator ? new HashSet<>(hospitalIds) : new HashSet<>();
        this.physicianId = physicianId;
    }

    /**
     * The rules of {@link #changeAccess} that these roles, hospitals and roster link break; the
     * form asks this too (null where it could not read a value), so it shows every problem at once.
     */
    public static java.util.List<RuleViolationException> accessRules(Set<Role> roles, Set<Long> hospitalIds,
            Long physicianId) {
        java.util.List<RuleViolationException> broken = new java.util.ArrayList<>();
        Set<Role> given = roles == null ? Set.of() : roles;
        if (given.isEmpty()) {
            broken.add(new RuleViolationException("roles", "account.error.noRole"));
        }
        if (given.contains(Role.COORDINATOR) && (hospitalIds == null || hospitalIds.isEmpty())) {
            broken.add(new RuleViolationException("hospitalIds", "account.error.coordinatorNeedsHospital"));
        }
        if (given.stream().anyMatch(Role::isClinical) && physicianId == null) {
            broken.add(new RuleViolationException("physicianEmail", "account.error.clinicianNeedsRoster"));
        }
        return broken;
    }

    /** Adds a role the person now also holds, such as supporter after a nomination. */
    public void grant(Role role) {
        Set<Role> next = EnumSet.copyOf(roles);
        next.add(role);
        changeAccess(displayName, next, hospitalIds, physicianId);
    }

    public void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public boolean passwordMatches(String raw, PasswordEncoder encoder) {
        return encoder.matches(raw, passwordHash);
    }

    public void disable() {
        this.enabled = false;
    }

    public void enable() {
        this.enabled = true;
    }

    public boolean hasAuthenticatorApp() {
        return totpSecret != null;
    }

    public String authenticatorKey() {
        return totpSecret;
    }

    /** Sets up the authenticator app whose code of {@code step} the person typed, with fresh recovery codes. */
    public void setUpAuthenticatorApp(String secret, long step, Set<String> recoveryCodeHashes) {
        this.totpSecret = secret;
        this.totpLastStep = step;
        replaceRecoveryCodes(recoveryCodeHashes);
    }

    /** Accepts the code of a time step once, and never one older than the last accepted. */
    public boolean acceptCodeOf(long step) {
        if (totpSecret == null || (totpLastStep != null && step <= totpLastStep)) {
            return false;
        }
        totpLastStep = step;
        return true;
    }

    /** Uses up a recovery code; false when it is not one of this account's unused codes. */
    public boolean useRecoveryCode(String hash) {
        return recoveryCodeHashes.remove(hash);
    }

    public void replaceRecoveryCodes(Set<String> hashes) {
        recoveryCodeHashes.clear();
        recoveryCodeHashes.addAll(hashes);
    }

    public int recoveryCodesLeft() {
        return recoveryCodeHashes.size();
    }

    /** Forgets the authenticator app and the recovery codes: the next sign-in sets up new ones. */
    public void resetSecondFactor() {
        totpSecret = null;
        totpLastStep = null;
        recoveryCodeHashes.clear();
    }

    public CurrentUser toCurrentUser() {
        return new CurrentUser(id, email, displayName, roles, hospitalIds, physicianId, passwordHash, enabled);
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Long getPhysicianId() {
        return physicianId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Set<Role> getRoles() {
        return Set.copyOf(roles);
    }

    public Set<Long> getHospitalIds() {
        return Set.copyOf(hospitalIds);
    }

    public long getVersion() {
        return version;
    }
}
