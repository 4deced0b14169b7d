package org.peersupport.account.web;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.peersupport.account.AccountSummary;
import org.peersupport.account.Role;

/** The administrator's account form: who the person is and what they may do, never their password. */
public class AccountForm {

    @NotBlank
    @Email
    @Size(max = 254)
    private String email;

    @NotBlank
    @Size(max = 160)
    private String displayName;

    @NotEmpty
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    private Set<Long> hospitalIds = new LinkedHashSet<>();

    /** The roster row to link, by its e-mail; left blank, the account's own e-mail is used. */
    @Email
    @Size(max = 254)
    private String physicianEmail;

    private long version;

    public static AccountForm of(AccountSummary account, String physicianEmail) {
        AccountForm form = new AccountForm();
        form.email = account.email();
        form.displayName = account.displayName();
        form.roles = account.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(account.roles());
        form.hospitalIds = new LinkedHashSet<>(account.hospitalIds());
        form.physicianEmail = physicianEmail;
        form.version = account.version();
        return form;
    }

    public boolean needsRosterLink() {
        return roles != null && roles.stream().anyMatch(Role::isClinical);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }


    public Set<Role> getRoles() {
        return roles;
    }

    public void setRoles(Set<Role> roles) {
        this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
    }

    public Set<Long> getHospitalIds() {
        return hospitalIds;
    }

    public void setHospitalIds(Set<Long> hospitalIds) {
        this.hospitalIds = hospitalIds == null ? new LinkedHashSet<>() : hospitalIds;
    }

    public String getPhysicianEmail() {
        return physicianEmail;
    }

    public void setPhysicianEmail(String physicianEmail) {
        this.physicianEmail = physicianEmail;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
