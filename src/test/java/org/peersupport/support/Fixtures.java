package org.peersupport.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.peersupport.account.AccountService;
import org.peersupport.account.CurrentUser;
import org.peersupport.account.NewAccount;
import org.peersupport.account.Role;
import org.peersupport.account.SecondFactors;
import org.peersupport.account.domain.Account;
import org.peersupport.account.Totp;
import org.peersupport.organization.OrganizationService;
import org.peersupport.organization.PhysicianDetails;
import org.peersupport.organization.RosterService;
import org.peersupport.shared.HospitalScope;
import org.peersupport.supporter.SupporterService;
import org.peersupport.supporter.TrainingService;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Makes test data through the real services. Every name and e-mail is unique, so tests sharing
 * the one database never see each other's rows.
 */
@TestComponent
public class Fixtures {

    public static final String PASSWORD = "correct horse battery staple";

    /** The authenticator app key of every administrator and coordinator the fixtures make. */
    public static final String AUTHENTICATOR_KEY = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    /** Per account, the last time step whose code was given out: the app takes each code once. */
    private final java.util.Map<String, Long> lastSteps = new java.util.concurrent.ConcurrentHashMap<>();

    /** Per account, its unused recovery codes. */
    private final java.util.Map<String, java.util.Deque<String>> recoveryCodes =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final OrganizationService organization;

    private final RosterService roster;

    private final AccountService accounts;

    private final UserDetailsService users;

    private final SupporterService supporters;

    private final TrainingService training;

    private final Clock clock;

    private final SecondFactors secondFactors;

    Fixtures(OrganizationService organization, RosterService roster, AccountService accounts,
            UserDetailsService users, SupporterService supporters, TrainingService training, Clock clock,
            SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
        this.organization = organization;
        this.roster = roster;
        this.accounts = accounts;
        this.users = users;
        this.supporters = supporters;
        this.training = training;
        this.clock = clock;
    }

    /** The zone of every hospital the fixtures make. */
    public static final ZoneId ZONE = ZoneId.of("America/Chicago");

    /** Now, from the app's own clock (which {@code PEERSUPPORT_CLOCK_START} may have started elsewhere). */
    public Instant now() {
        return clock.instant();
    }

    /** Today at the fixtures' hospitals, from the app's clock: what the app itself takes as today. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The wall-clock time at the fixtures' hospitals, to the minute, as a form would show it. */
    public LocalDateTime localNow() {
        return LocalDateTime.now(clock.withZone(ZONE)).truncatedTo(ChronoUnit.MINUTES);
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8) + SEQUENCE.incrementAndGet();
    }

    public static String uniqueEmail(String prefix) {
        return (prefix + "." + UUID.randomUUID().toString().substring(0, 8) + SEQUENCE.incrementAndGet()
                + "@test.example.org").toLowerCase();
    }

    /** A hospital with one department, as ids. */
    public Place hospital() {
        String name = unique("Hospital");
        long hospitalId = organization.createHospital(name, ZONE);
        long departmentId = organization.createDepartment(hospitalId, unique("Department"),
                HospitalScope.everything());
        return new Place(hospitalId, name, departmentId);
    }

    public long physician(long departmentId) {
        return physician(departmentId, uniqueEmail("physician"));
    }

    public long physician(long departmentId, String email) {
        return roster.add(new PhysicianDetails(unique("Dr"), email, null, departmentId, "Internal Medicine", null,
                true), HospitalScope.everything());
    }

    public CurrentUser admin() {
        return account(EnumSet.of(Role.ADMIN), Set.of(), null);
    }

    public CurrentUser coordinator(long... hospitalIds) {
        Set<Long> ids = new java.util.HashSet<>();
        for (long id : hospitalIds) {
            ids.add(id);
        }
        return account(EnumSet.of(Role.COORDINATOR), ids, null);
    }

    public CurrentUser physicianUser(long departmentId) {
        String email = uniqueEmail("clinician");
        long physicianId = physician(departmentId, email);
        return account(email, EnumSet.of(Role.PHYSICIAN), Set.of(), physicianId);
    }

    public CurrentUser account(Set<Role> roles, Set<Long> hospitalIds, Long physicianId) {
        return account(uniqueEmail("user"), roles, hospitalIds, physicianId);
    }

    /** An account with the fixtures' password; administrators and coordinators have set up the authenticator app. */
    public CurrentUser account(String email, Set<Role> roles, Set<Long> hospitalIds, Long physicianId) {
        CurrentUser user = accountWithoutSecondFactor(email, roles, hospitalIds, physicianId);
        if (SecondFactors.required(user)) {
            long step = Totp.step(now());
            recoveryCodes.put(user.email(), new java.util.ArrayDeque<>(secondFactors.setUpAuthenticatorApp(
                    user.accountId(), AUTHENTICATOR_KEY, Totp.code(AUTHENTICATOR_KEY, step))));
            lastSteps.put(user.email(), step);
        }
        return user;
    }

    /** An account whose first sign-in sets up the second factor, if its roles need one. */
    public CurrentUser accountWithoutSecondFactor(String email, Set<Role> roles, Set<Long> hospitalIds,
            Long physicianId) {
        accounts.create(new NewAccount(email, unique("Person"), PASSWORD, roles, hospitalIds, physicianId));
        return (CurrentUser) users.loadUserByUsername(email);
    }

    /**
     * A second factor for the account's next sign-in: the authenticator app's code at the app's
     * clock that the app has not taken yet (one step either side of now), else one of its recovery
     * codes, else the next step's code once it comes.
     */
    public synchronized String secondFactorCode(String email) {
        String key = Account.normaliseEmail(email);
        long last = lastSteps.getOrDefault(key, Long.MIN_VALUE + 2);
        long next = Math.max(Totp.step(now()) - 1, last + 1);
        java.util.Deque<String> recovery = recoveryCodes.getOrDefault(key, new java.util.ArrayDeque<>());
        if (next > Totp.step(now()) + 1 && !recovery.isEmpty()) {
            return recovery.pop();
        }
        while (next > Totp.step(now()) + 1) {
            try {
                Thread.sleep(500);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
        lastSteps.put(key, next);
        return Totp.code(AUTHENTICATOR_KEY, next);
    }

    /**
     * A physician of the department with an account, nominated, trained in every module in use,
     * and active: a supporter who may be assigned cases. Certified yesterday at the hospital.
     */
    public CertifiedSupporter certifiedSupporter(long departmentId) {
        CurrentUser physician = physicianUser(departmentId);
        long physicianId = physician.physicianId().orElseThrow();
        long supporterId = supporters.nominate(physicianId, HospitalScope.everything()).supporterId();
        long hospitalId = supporters.supporter(supporterId, HospitalScope.everything()).hospitalId();
        Set<Long> modules = training.curriculum().stream().filter(TrainingService.ModuleView::active)
                .map(TrainingService.ModuleView::id).collect(java.util.stream.Collectors.toSet());
        long session = training.schedule(hospitalId, today().minusDays(1), unique("Facilitator"), false,
                modules, HospitalScope.everything());
        training.recordAttendance(session, java.util.Map.of(supporterId, modules),
                training.session(session, HospitalScope.everything()).version(), HospitalScope.everything());
        supporters.changeStatus(supporterId, SupporterService.StatusChange.ACTIVATE, null,
                supporters.supporter(supporterId, HospitalScope.everything()).version(), HospitalScope.everything());
        return new CertifiedSupporter(supporterId, physicianId, reload(physician));
    }

    /** Reloads the principal, as the next sign-in would see it. */
    public CurrentUser reload(CurrentUser user) {
        return (CurrentUser) users.loadUserByUsername(user.email());
    }

    public record Place(long hospitalId, String hospitalName, long departmentId) {
    }

    /** A supporter's id, their roster row, and their account as it signs in (with the supporter role). */
    public record CertifiedSupporter(long id, long physicianId, CurrentUser user) {
    }
}
