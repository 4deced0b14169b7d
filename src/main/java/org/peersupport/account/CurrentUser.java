package org.peersupport.account;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.peersupport.shared.ActingUser;
import org.peersupport.shared.HospitalScope;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person, as every module sees them. It is kept in the session; any change to the
 * account's access ends its sessions, so these values are never stale for long.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer, ActingUser, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long accountId;

    private final String email;

    private final String displayName;

    private final Set<Role> roles;

    private final Set<Long> hospitalIds;

    private final Long physicianId;

    private final boolean enabled;

    private String passwordHash;

    public CurrentUser(long accountId, String email, String displayName, Set<Role> roles, Set<Long> hospitalIds,
            Long physicianId, String passwordHash, boolean enabled) {
        this.accountId = accountId;
        this.email = email;
        this.displayName = displayName;
        this.roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        this.hospitalIds = Set.copyOf(hospitalIds);
        this.physicianId = physicianId;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    @Override
    public long accountId() {
        return accountId;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The roster row of a clinician's account; empty for staff-only accounts. */
    public java.util.Optional<Long> physicianId() {
        return java.util.Optional.ofNullable(physicianId);
    }

    /** Administrators see every hospital; coordinators see the hospitals they work for; others none. */
    @Override
    public HospitalScope hospitalScope() {
        if (has(Role.ADMIN)) {
            return HospitalScope.everything();
        }
        if (has(Role.COORDINATOR)) {
            return HospitalScope.of(hospitalIds);
        }
        return HospitalScope.none();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Never locked: repeated failures pause sign-in before the password is checked (SignInThrottle). */
    @Override
    public boolean isAccountNonLocked() {
        return true;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    /** Equal by account, so the session registry finds every session of one account. */
    @Override
    public boolean equals(Object other) {
        return other instanceof CurrentUser that && that.accountId == accountId;
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId);
    }

    @Override
    public String toString() {
        return "CurrentUser[account " + accountId + "]";
    }
}
