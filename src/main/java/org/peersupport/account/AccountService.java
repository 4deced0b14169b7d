package org.peersupport.account;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.peersupport.account.domain.Account;
import org.peersupport.account.domain.AccountRepository;
import org.peersupport.account.domain.PasswordPolicy;
import org.peersupport.account.security.AccountSessions;
import org.peersupport.organization.OrganizationService;
import org.peersupport.organization.RosterService;
import org.peersupport.shared.NotFoundException;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.shared.StaleEdit;
import org.peersupport.account.security.SignInThrottle;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and changes accounts. Every change to what a person may do, or to how they sign in,
 * ends their open sessions, so a disabled or demoted person is out on their next click.
 */
@Service
@Transactional(readOnly = true)
public class AccountService {

    private final AccountRepository accounts;

    private final PasswordPolicy passwordPolicy;

    private final PasswordEncoder passwordEncoder;

    private final RosterService roster;

    private final OrganizationService organization;

    private final AccountSessions sessions;

    private final SignInThrottle throttle;

    private final PasswordLinks passwordLinks;

    private final ApplicationEventPublisher events;

    AccountService(AccountRepository accounts, PasswordPolicy passwordPolicy, PasswordEncoder passwordEncoder,
            RosterService roster, OrganizationService organization, AccountSessions sessions,
            SignInThrottle throttle, PasswordLinks passwordLinks, ApplicationEventPublisher events) {
        this.events = events;
        this.passwordLinks = passwordLinks;
        this.accounts = accounts;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.roster = roster;
        this.organization = organization;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    public Page<AccountSummary> search(String text, Pageable pageable) {
        Page<Account> page = accounts.search(likePattern(text), pageable);
        Set<String> paused = throttle.paused(page.map(Account::getEmail).toList());
        return page.map(a -> summary(a, paused.contains(a.getEmail())));
    }

    public AccountSummary account(long id) {
        return accounts.findById(id).map(this::summary).orElseThrow(NotFoundException::new);
    }

    public Optional<AccountSummary> accountByEmail(String email) {
        return accounts.findByEmail(Account.normaliseEmail(email)).map(this::summary);
    }

    /** Lets the person sign in again now, after repeated failures paused their sign-in. */
    @Transactional
    public void allowSignIn(long id) {
        throttle.clear(load(id).getEmail());
    }

    @Transactional
    public long create(NewAccount request) {
        String email = Account.normaliseEmail(request.email());
        List<RuleViolationException> broken = broken(request);
        passwordPolicy.problem(request.password(), email)
                .ifPresent(key -> broken.add(new RuleViolationException("password", key)));
        RuleViolationException.throwIfAny(broken);
        Account account = new Account(email, request.displayName(), passwordEncoder.encode(request.password()),
                request.roles(), request.hospitalIds(), request.physicianId());
        return accounts.save(account).getId();
    }

    /**
     * Every rule a new account breaks, but its password: the e-mail taken, hospitals or roster
     * row unknown or linked elsewhere, and the access rules. A form that did not bind shows these
     * too (null where it could not read a value), so that every problem appears at once.
     */
    @Transactional(readOnly = true)
    public List<RuleViolationException> broken(NewAccount request) {
        List<RuleViolationException> broken = new java.util.ArrayList<>();
        String email = Account.normaliseEmail(request.email());
        if (email != null && accounts.existsByEmail(email)) {
            broken.add(new RuleViolationException("email", "account.error.emailTaken"));
        }
        broken.addAll(brokenReferences(request.hospitalIds(), request.physicianId(), null));
        broken.addAll(Account.accessRules(request.roles(), request.hospitalIds(), request.physicianId()));
        return broken;
    }

    /** What granting a clinical role did to the person's account. */
    public enum Grant {
        /** Their existing account gained the role. */
        EXTENDED,
        /** An account was made and a link to set its password e-mailed. */
        CREATED_AND_INVITED,
        /** An account was made, but the mail server refused the invitation; an administrator can resend it. */
        CREATED_NOT_INVITED
    }

    /**
     * Gives a roster physician a clinical role: their account gains it, or, with no account yet,
     * one is made with the physician role too, with a random password nobody knows, and the
     * person is e-mailed a link to set their own.
     */
    @Transactional
    public Grant grantClinicalRole(long physicianId, Role role) {
        if (!role.isClinical()) {
            throw new IllegalArgumentException(role + " is not a clinical role");
        }
        var existing = accounts.findByPhysicianId(physicianId);
        if (existing.isPresent()) {
            existing.get().grant(role);
            sessions.endAll(existing.get().getId());
            return Grant.EXTENDED;
        }
        var physician = roster.physician(physicianId).orElseThrow(NotFoundException::new);
        if (accounts.existsByEmail(physician.email())) {
            throw new RuleViolationException(null, "account.error.emailTakenByUnlinked");
        }
        String unknownPassword = java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID();
        long id = accounts.save(new Account(physician.email(), physician.name(),
                passwordEncoder.encode(unknownPassword), java.util.EnumSet.of(Role.PHYSICIAN, role), Set.of(),
                physicianId)).getId();
        return invite(id) ? Grant.CREATED_AND_INVITED : Grant.CREATED_NOT_INVITED;
    }

    /**
     * Creates an account whose owner sets their own password from an e-mailed link. Returns the
     * id, and whether the e-mail went out (if not, the account page can send it again).
     */
    @Transactional
    public Invited createAndInvite(NewAccount request) {
        String unknownPassword = java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID();
        long id = create(new NewAccount(request.email(), request.displayName(), unknownPassword, request.roles(),
                request.hospitalIds(), request.physicianId()));
        return new Invited(id, invite(id));
    }

    public record Invited(long accountId, boolean mailed) {
    }

    private boolean invite(long accountId) {
        try {
            passwordLinks.send(accountId, true);
            return true;
        }
        catch (RuleViolationException mailServerRefused) {
            return false;
        }
    }

    /** Where to tell a hospital's coordinators that something needs their attention. */
    public java.util.List<String> coordinatorEmails(long hospitalId) {
        return accounts.coordinatorEmails(hospitalId);
    }

    public Optional<String> emailOfPhysicianAccount(long physicianId) {
        return accounts.findByPhysicianId(physicianId).filter(Account::isEnabled).map(Account::getEmail);
    }

    @Transactional
    public void changeAccess(long id, String displayName, Set<Role> roles, Set<Long> hospitalIds, Long physicianId,
            long expectedVersion, long actingAccountId) {
        Account account = load(id);
        StaleEdit.check(account.getVersion(), expectedVersion, Account.class, id);
        List<RuleViolationException> broken = new java.util.ArrayList<>();
        if (id == actingAccountId && !roles.contains(Role.ADMIN)) {
            broken.add(new RuleViolationException("roles", "account.error.keepOwnAdmin"));
        }
        broken.addAll(brokenReferences(hospitalIds, physicianId, id));
        broken.addAll(Account.accessRules(roles, hospitalIds, physicianId));
        RuleViolationException.throwIfAny(broken);
        account.changeAccess(displayName, roles, hospitalIds, physicianId);
        sessions.endAll(id);
    }

    @Transactional
    public void disable(long id, long actingAccountId) {
        if (id == actingAccountId) {
            throw new RuleViolationException(null, "account.error.disableSelf");
        }
        load(id).disable();
        sessions.endAll(id);
    }

    @Transactional
    public void enable(long id) {
        Account account = load(id);
        account.enable();
        throttle.clear(account.getEmail());
    }

    /** The person changes their own password; their other sessions end, this one goes on. */
    @Transactional
    public void changeOwnPassword(long id, String currentPassword, String newPassword, String thisSessionId) {
        Account account = load(id);
        if (currentPassword == null || !account.passwordMatches(currentPassword, passwordEncoder)) {
            throw new RuleViolationException("currentPassword", "password.error.currentWrong");
        }
        requireAcceptablePassword("newPassword", newPassword, account.getEmail());
        account.changePassword(passwordEncoder.encode(newPassword));
        sessions.endAllBut(id, thisSessionId);
        events.publishEvent(new PasswordChanged(id));
    }

    private void requireAcceptablePassword(String field, String password, String email) {
        passwordPolicy.problem(password, email).ifPresent(key -> {
            throw new RuleViolationException(field, key);
        });
    }

    private List<RuleViolationException> brokenReferences(Set<Long> hospitalIds, Long physicianId,
            Long accountId) {
        List<RuleViolationException> broken = new java.util.ArrayList<>();
        if (hospitalIds != null && hospitalIds.stream().anyMatch(h -> organization.hospital(h).isEmpty())) {
            broken.add(new RuleViolationException("hospitalIds", "account.error.unknownHospital"));
        }
        if (physicianId != null) {
            if (roster.physician(physicianId).isEmpty()) {
                broken.add(new RuleViolationException("physicianEmail", "account.error.unknownPhysician"));
            }
            else if (accounts.existsByPhysicianId(physicianId)
                    && (accountId == null || !physicianId.equals(load(accountId).getPhysicianId()))) {
                broken.add(new RuleViolationException("physicianEmail", "account.error.physicianLinked"));
            }
        }
        return broken;
    }

    private Account load(long id) {
        return accounts.findById(id).orElseThrow(NotFoundException::new);
    }

    private AccountSummary summary(Account a) {
        return summary(a, !throttle.paused(List.of(a.getEmail())).isEmpty());
    }

    private static AccountSummary summary(Account a, boolean signInPaused) {
        return new AccountSummary(a.getId(), a.getEmail(), a.getDisplayName(), a.getRoles(), a.getHospitalIds(),
                a.getPhysicianId(), a.isEnabled(), signInPaused, a.getVersion());
    }

    private static String likePattern(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return "%" + text.trim().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
    }
}
