package org.peersupport.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.peersupport.account.AccountService;
import org.peersupport.account.AccountSummary;
import org.peersupport.account.CurrentUser;
import org.peersupport.account.NewAccount;
import org.peersupport.account.Role;
import org.peersupport.account.SecondFactors;
import org.peersupport.account.Totp;
import org.peersupport.interaction.ContactDetails;
import org.peersupport.interaction.ContactMode;
import org.peersupport.interaction.ContactOutcome;
import org.peersupport.interaction.EscalationAction;
import org.peersupport.interaction.InteractionService;
import org.peersupport.organization.DepartmentSummary;
import org.peersupport.organization.HospitalSummary;
import org.peersupport.organization.OrganizationService;
import org.peersupport.organization.PhysicianSummary;
import org.peersupport.organization.RosterImportPreview;
import org.peersupport.organization.RosterImportService;
import org.peersupport.organization.RosterQuery;
import org.peersupport.organization.RosterService;
import org.peersupport.referral.ReferralService;
import org.peersupport.referral.TriageService;
import org.peersupport.referral.Trigger;
import org.peersupport.resource.ResourceDetails;
import org.peersupport.resource.ResourceKind;
import org.peersupport.resource.ResourceService;
import org.peersupport.reporting.ReportingRefresh;
import org.peersupport.shared.HospitalCalendar;
import org.peersupport.shared.HospitalScope;
import org.peersupport.supporter.SupporterService;
import org.peersupport.supporter.TrainingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads a small program once, on an empty database: the embedded one by default, or any other
 * when DEMO_DATA=true. The roster goes through the real CSV import, so the demo exercises it.
 */
@Component
@ConditionalOnExpression("${peersupport.demo-data:false} or '${spring.datasource.url:}'.isEmpty()")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** Demo passwords, also listed in the README. Never use them outside a demo. */
    static final Map<String, String> ACCOUNTS = Map.of(
            "admin@example.org", "demo admin password",
            "coordinator@example.org", "demo coordinator password",
            "supporter@example.org", "demo supporter password",
            "physician@example.org", "demo physician password");

    /** The demo administrator's and coordinator's authenticator app key, also in the README. */
    static final String AUTHENTICATOR_KEY = "DEMOPEERSUPPORTDEMOPEERSUPPORT23";

    /** The demo accounts that give a second factor after their password. */
    static final Set<String> STAFF = Set.of("admin@example.org", "coordinator@example.org");

    private static final ZoneId DEMO_ZONE = ZoneId.of("America/Los_Angeles");

    /** The demo's own clinicians, who are neither a supporter nor a colleague anyone supports. */
    private static final Set<String> DEMO_CLINICIANS = Set.of("physician@example.org", "supporter@example.org");

    /** The training cohorts, in months before this one: POST trained its supporters over three years. */
    private static final int[] COHORT_MONTHS = {17, 13, 8, 3};

    /** The cohort of each department's first, second, ... sixth supporter. */
    private static final int[] COHORT_OF = {0, 0, 1, 2, 3, 3};

    private static final Map<String, List<String>> HOSPITALS = Map.of(
            "Northbay Medical Center", List.of("Emergency Medicine", "Hospital Medicine", "Surgery",
                    "Obstetrics and Gynecology", "Pediatrics", "Anesthesiology"),
            "Eastside Medical Center", List.of("Emergency Medicine", "Internal Medicine", "Psychiatry",
                    "Radiology", "Oncology"));

    /** Given names and family names from many places, so that a list of colleagues reads like one. */
    private static final List<String> FIRST = List.of("Aisha", "Alejandro", "Amara", "Anders", "Andrea", "Anjali",
            "Ari", "Beatriz", "Benedikt", "Bilal", "Camille", "Carmen", "Chidi", "Chloe", "Dana", "Daniel", "Deepa",
            "Diego", "Dmitri", "Eleni", "Elif", "Emeka", "Emily", "Esther", "Farah", "Felipe", "Fiona", "Gabriel",
            "Grace", "Hana", "Hassan", "Helen", "Hiro", "Ibrahim", "Ines", "Ingrid", "Isaac", "Jamal", "Javier",
            "Jia", "Joanna", "Jonas", "Julia", "Kareem", "Keiko", "Kwame", "Laila", "Lars", "Leah", "Lena", "Luca",
            "Lucia", "Mai", "Malik", "Marcus", "Maria", "Mateo", "Maya", "Mei", "Michael", "Mina", "Nadia",
            "Naveen", "Nia", "Nikolai", "Noor", "Olga", "Omar", "Oscar", "Patricia", "Pedro", "Priya", "Rafael",
            "Rania", "Rebecca", "Ren", "Rosa", "Ruth", "Sahil", "Samuel", "Sara", "Sebastian", "Sofia", "Sunil",
            "Tamar", "Teresa", "Thomas", "Tomas", "Uma", "Valentina", "Victor", "Wei", "Yara", "Yusuf", "Zainab",
            "Zoe");

    private static final List<String> LAST = List.of("Abara", "Adeyemi", "Ahmed", "Alvarez", "Andersen", "Bakker",
            "Banerjee", "Becker", "Bianchi", "Brooks", "Campbell", "Castillo", "Chen", "Cohen", "Costa", "Dubois",
            "Eriksson", "Farouk", "Fernandes", "Fischer", "Fitzgerald", "Garcia", "Goldberg", "Gomez", "Gupta",
            "Haddad", "Hansen", "Hernandez", "Hoffmann", "Ibrahim", "Ito", "Ivanova", "Jensen", "Johnson", "Kaplan",
            "Kaur", "Khan", "Kim", "Kowalski", "Kumar", "Larsen", "Lee", "Lindqvist", "Lopez", "Mahmoud", "Martin",
            "Mendez", "Moreau", "Morales", "Mukherjee", "Murphy", "Nakamura", "Nguyen", "Novak", "Nowak", "O'Brien",
            "Okafor", "Okonkwo", "Oliveira", "Osei", "Park", "Patel", "Petrov", "Quinn", "Rahman", "Ramirez",
            "Reyes", "Rossi", "Russo", "Sato", "Schmidt", "Shah", "Silva", "Singh", "Sokolov", "Suzuki", "Tanaka",
            "Thompson", "Torres", "Tran", "Varga", "Vasquez", "Wagner", "Walker", "Wang", "Weber", "Williams",
            "Wong", "Yamamoto", "Yilmaz", "Young", "Zhang", "Zhou");

    private final SecondFactors secondFactors;

    private final java.time.Clock clock;

    private final OrganizationService organization;

    private final RosterImportService imports;

    private final RosterService roster;

    private final AccountService accounts;

    private final SupporterService supporters;

    private final TrainingService training;

    private final ReferralService referralService;

    private final ResourceService resources;

    private final TriageService triage;

    private final InteractionService interactions;

    private final HospitalCalendar calendar;

    private final ReportingRefresh reporting;

    private final JdbcTemplate jdbc;

    DemoData(OrganizationService organization, RosterImportService imports, RosterService roster,
            AccountService accounts, SupporterService supporters, TrainingService training,
            ReferralService referralService, ResourceService resources, TriageService triage,
            InteractionService interactions, HospitalCalendar calendar, ReportingRefresh reporting,
            JdbcTemplate jdbc, SecondFactors secondFactors, java.time.Clock clock) {
        this.secondFactors = secondFactors;
        this.clock = clock;
        this.reporting = reporting;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.triage = triage;
        this.interactions = interactions;
        this.referralService = referralService;
        this.resources = resources;
        this.organization = organization;
        this.imports = imports;
        this.roster = roster;
        this.accounts = accounts;
        this.supporters = supporters;
        this.training = training;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!organization.hospitals(HospitalScope.everything()).isEmpty()) {
            log.info("Demo data: the database already has hospitals; nothing loaded. Demo accounts: {}",
                    accountList());
            return;
        }
        long started = System.nanoTime();
        HospitalScope all = HospitalScope.everything();
        HOSPITALS.keySet().stream().sorted().forEach(hospital -> {
            long id = organization.createHospital(hospital, DEMO_ZONE);
            HOSPITALS.get(hospital).forEach(d -> organization.createDepartment(id, d, all));
        });
        RosterImportPreview preview = imports.upload("demo-roster.csv", rosterCsv(), all);
        imports.importUpload(preview.uploadId(), all, false);

        long northbay = hospital("Northbay");
        long eastside = hospital("Eastside");
        create("admin@example.org", "Avery Admin", EnumSet.of(Role.ADMIN), Set.of());
        create("coordinator@example.org", "Casey Coordinator", EnumSet.of(Role.COORDINATOR), Set.of(northbay));
        create("supporter@example.org", "Sam Supporter", EnumSet.of(Role.SUPPORTER, Role.PHYSICIAN), Set.of());
        create("physician@example.org", "Pat Physician", EnumSet.of(Role.PHYSICIAN), Set.of());
        long crisisLine = resources.add(new ResourceDetails(northbay, "Northbay Physician Crisis Line",
                ResourceKind.CRISIS_LINE, "555-0199", null, "Any time, day or night", 1, true), all);
        resources.add(new ResourceDetails(northbay, "Northbay EAP", ResourceKind.EAP, "555-0150",
                "https://eap.example.org", "Weekdays 8 am to 6 pm", 1, true), all);
        resources.add(new ResourceDetails(eastside, "Eastside Employee Assistance", ResourceKind.EAP, "555-0250",
                "https://eap.example.org/eastside", "Weekdays 7 am to 7 pm", 1, true), all);
        resources.add(new ResourceDetails(null, "Physician Support Line", ResourceKind.CRISIS_LINE, "555-0111",
                "https://support-line.example.org", "Any time, day or night", 1, true), all);
        int trained = supportersAndTraining();

        DemoHistory.Written history = new DemoHistory(jdbc).write(program(northbay), SUCCESSFUL_CONTACTS_TODAY);
        openCases(northbay, eastside, crisisLine);
        reporting.refresh();
        log.info("Demo data loaded in {} ms: 2 hospitals, 11 departments, {} physicians, {} supporters trained, "
                + "{} past referrals, {} past contacts ({} escalated), one program evaluation with {} responses. "
                + "Demo accounts: {}", (System.nanoTime() - started) / 1_000_000, preview.rowCount(), trained,
                history.referrals(), history.interactions(), history.escalations(), history.responses(),
                accountList());
    }

    private long hospital(String prefix) {
        return organization.hospitals(HospitalScope.everything()).stream()
                .filter(h -> h.name().startsWith(prefix)).findFirst().orElseThrow().id();
    }

    /**
     * About five supporters in every department, trained in four cohorts: 17, 13, 8 and 3 months
     * ago, 59 in all as in POST; and one colleague per hospital nominated for the next session.
     */
    private int supportersAndTraining() {
        HospitalScope all = HospitalScope.everything();
        YearMonth thisMonth = YearMonth.from(calendar.today(DEMO_ZONE));
        Set<Long> modules = training.curriculum().stream().map(TrainingService.ModuleView::id)
                .collect(Collectors.toSet());
        long demoSupporter = supporters.nominate(roster.physicianByEmail("supporter@example.org").orElseThrow().id(),
                all).supporterId();
        int count = 1;
        int departmentNumber = 0;
        Random chooser = new Random(59);
        for (HospitalSummary hospital : organization.hospitals(all)) {
            List<List<Long>> cohorts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>());
            List<Long> nominated = new ArrayList<>();
            for (DepartmentSummary department : organization.departments(hospital.id())) {
                // Six supporters in three departments, five in the others: with the demo supporter, 59.
                int size = departmentNumber++ % 4 == 0 ? 6 : 5;
                List<PhysicianSummary> physicians = new ArrayList<>(roster.search(
                        new RosterQuery("", hospital.id(), department.id(), true), all, PageRequest.of(0, 80))
                        .getContent().stream().filter(p -> !DEMO_CLINICIANS.contains(p.email())).toList());
                Collections.shuffle(physicians, chooser);
                for (int j = 0; j < size; j++) {
                    long id = supporters.nominate(physicians.get(j).id(), all).supporterId();
                    count++;
                    cohorts.get(COHORT_OF[j]).add(id);
                }
                if (department.name().equals("Emergency Medicine")) {
                    nominated.add(supporters.nominate(physicians.get(size).id(), all).supporterId());
                }
            }
            if (hospital.id() == hospital("Northbay")) {
                cohorts.get(3).add(demoSupporter);
            }
            for (int c = 0; c < cohorts.size(); c++) {
                train(hospital.id(), thisMonth.minusMonths(COHORT_MONTHS[c]).atDay(8), cohorts.get(c), modules, all);
            }
            training.schedule(hospital.id(), calendar.today(DEMO_ZONE).plusDays(21), "Program facilitator", false,
                    modules, all);
        }
        // Nominated some weeks before their training, not today.
        jdbc.update("""
                update supporter s set nominated_at = t.first_session - interval '25 days'
                from (select ta.supporter_id, min(ts.session_date)::timestamptz as first_session
                      from training_attendance ta join training_session ts on ts.id = ta.session_id
                      group by ta.supporter_id) t
                where t.supporter_id = s.id
                """);
        return count;
    }

    /** What the demo's history needs to know of the program built so far. */
    private DemoHistory.Program program(long northbay) {
        List<DemoHistory.Physician> physicians = jdbc.query("""
                select p.id, d.hospital_id, p.department_id, p.email from physician p
                join department d on d.id = p.department_id
                where p.active and p.email not in (?, ?)
                  and not exists (select 1 from supporter s where s.physician_id = p.id)
                order by p.id
                """, (rs, n) -> new DemoHistory.Physician(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getString(4)), "physician@example.org", "supporter@example.org");
        List<DemoHistory.Supporter> trained = jdbc.query("""
                select s.id, s.hospital_id, sd.department_id, s.certified_on from supporter s
                join supporter_department sd on sd.supporter_id = s.id
                where s.certified_on is not null order by s.id, sd.department_id
                """, (rs, n) -> new DemoHistory.Supporter(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getDate(4).toLocalDate()));
        Map<Long, List<Long>> resourcesByHospital = new TreeMap<>();
        jdbc.query("select id, hospital_id from resource where hospital_id is not null order by id",
                rs -> {
                    resourcesByHospital.computeIfAbsent(rs.getLong(2), h -> new ArrayList<>()).add(rs.getLong(1));
                });
        Map<Long, Long> acknowledger = new TreeMap<>();
        long admin = accounts.accountByEmail("admin@example.org").orElseThrow().id();
        long coordinator = accounts.accountByEmail("coordinator@example.org").orElseThrow().id();
        organization.hospitals(HospitalScope.everything())
                .forEach(h -> acknowledger.put(h.id(), h.id() == northbay ? coordinator : admin));
        // POST surveyed five departments; here, five of Northbay's six.
        List<Long> evaluated = organization.departments(northbay).stream().map(DepartmentSummary::id).sorted()
                .limit(5).toList();
        return new DemoHistory.Program(DEMO_ZONE, calendar.today(DEMO_ZONE), physicians, trained,
                resourcesByHospital, acknowledger, northbay, evaluated,
                organization.settings().noteRetentionDays());
    }

    /** The successful contacts {@link #openCases} logs today; the history counts them among its months'. */
    static final int SUCCESSFUL_CONTACTS_TODAY = 2;

    /**
     * Today's work, through the app's own services, so that notices go out as they would: at
     * Northbay, a new urgent referral, one waiting for assignment longer than the target, one just
     * assigned, one whose first contact is overdue, the demo supporter's two (one contacted, with a
     * follow-up due, one to call), and a contact that raised a red flag not yet acknowledged; at
     * Eastside, one new and one assigned.
     */
    private void openCases(long northbay, long eastside, long crisisLine) {
        CurrentUser referrer = signedIn("physician@example.org");
        CurrentUser coordinator = signedIn("coordinator@example.org");
        CurrentUser admin = signedIn("admin@example.org");
        Instant now = calendar.now().truncatedTo(ChronoUnit.MINUTES);
        LocalDate today = calendar.today(DEMO_ZONE);
        List<long[]> free = new ArrayList<>(jdbc.query("""
                select p.id, d.hospital_id, d.id from physician p join department d on d.id = p.department_id
                where p.active and p.email not in (?, ?)
                  and not exists (select 1 from supporter s where s.physician_id = p.id)
                  and not exists (select 1 from interaction i where i.physician_id = p.id)
                order by d.hospital_id, d.id, p.id
                """, (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, "physician@example.org",
                "supporter@example.org"));
        long samsDepartment = roster.physicianByEmail("supporter@example.org").orElseThrow().departmentId();

        refer(referrer, colleagueIn(free, northbay, null, 0), false, Trigger.BURNOUT, true, null);
        UUID waiting = refer(referrer, colleagueIn(free, northbay, null, 1), false, Trigger.ADVERSE_EVENT, false,
                "Involved in a difficult case last week.");
        UUID assigned = refer(referrer, colleagueIn(free, northbay, null, 2), true, Trigger.LITIGATION, false, null);
        assign(assigned, coordinator);
        UUID overdue = refer(referrer, colleagueIn(free, northbay, null, 3), false, Trigger.DIFFICULT_INTERACTION,
                false, null);
        assign(overdue, coordinator);

        UUID samsCase = refer(referrer, colleagueIn(free, northbay, samsDepartment, 0), false, Trigger.PATIENT_DEATH,
                false, null);
        CurrentUser sam = signedIn("supporter@example.org");
        long samId = supporters.ofPhysician(sam.physicianId().orElseThrow()).orElseThrow().id();
        triage.assign(samsCase, samId, triage.caseFor(samsCase, coordinator).version(), coordinator);
        backdate(samsCase, 8, 6);
        interactions.logOnCase(samsCase, new ContactDetails(now.minus(Duration.ofHours(3)), ContactMode.PHONE, 30,
                ContactOutcome.CONNECTED, false, Set.of(), null, "Call again after the on-call weekend.",
                today.plusDays(2), UUID.randomUUID()), sam);
        UUID samsNext = refer(referrer, colleagueIn(free, northbay, samsDepartment, 1), false, Trigger.ADVERSE_EVENT,
                false, null);
        triage.assign(samsNext, samId, triage.caseFor(samsNext, coordinator).version(), coordinator);

        UUID flagged = refer(referrer, colleagueIn(free, northbay, null, 4), false, Trigger.ADVERSE_EVENT, false, null);
        long flaggedSupporter = assign(flagged, coordinator);
        backdate(flagged, 30, 28);
        interactions.logOnCase(flagged, new ContactDetails(now.minus(Duration.ofHours(20)), ContactMode.IN_PERSON, 50,
                ContactOutcome.CONNECTED, true, Set.of(crisisLine), EscalationAction.WARM_HANDOFF, null, null,
                UUID.randomUUID()), signedIn(supporters.supporter(flaggedSupporter, HospitalScope.everything())
                .email()));

        refer(referrer, colleagueIn(free, eastside, null, 0), false, Trigger.PATIENT_DEATH, false, null);
        assign(refer(referrer, colleagueIn(free, eastside, null, 1), true, Trigger.BURNOUT, false, null), admin);

        // Received yesterday, and nobody assigned yet: past the 24-hour assignment target.
        backdate(waiting, 30, null);
        // Assigned two days ago, and the supporter has not yet reached the colleague.
        backdate(overdue, 54, 50);
    }

    /** Moves a case's receipt, and its assignment if it has one, some hours into the past. */
    private void backdate(UUID caseId, int receivedHoursAgo, Integer assignedHoursAgo) {
        jdbc.update("""
                update referral set created_at = created_at - make_interval(hours => ?),
                                    assigned_at = assigned_at - make_interval(hours => ?),
                                    due_at = due_at - make_interval(hours => ?)
                where id = ?
                """, receivedHoursAgo, assignedHoursAgo == null ? 0 : assignedHoursAgo,
                assignedHoursAgo == null ? 0 : assignedHoursAgo, caseId);
        jdbc.update("update referral_request set submitted_at = submitted_at - make_interval(hours => ?) "
                + "where referral_id = ?", receivedHoursAgo, caseId);
    }

    /**
     * A colleague of the hospital (and the department, if given) free of any history, and taken:
     * the next case is about someone else. The {@code n}th of every 37, to spread the cases.
     */
    private static long colleagueIn(List<long[]> free, long hospitalId, Long departmentId, int n) {
        long[] colleague = free.stream().filter(p -> p[1] == hospitalId && (departmentId == null || p[2] == departmentId))
                .skip(n * 37L).findFirst().orElseThrow();
        free.remove(colleague);
        return colleague[0];
    }

    private UUID refer(CurrentUser referrer, long colleague, boolean asLeader, Trigger trigger, boolean danger,
            String context) {
        referralService.refer(referrer, new ReferralService.NewReferral(colleague, false, asLeader, trigger, danger,
                context, false, UUID.randomUUID()));
        return jdbc.queryForObject("select id from referral where physician_id = ? and status <> 'CLOSED'", UUID.class,
                colleague);
    }

    /** Assigns the case to the first supporter of the colleague's department with no open case; answers whom. */
    private long assign(UUID caseId, CurrentUser coordinator) {
        long supporter = jdbc.queryForObject("""
                select min(sd.supporter_id) from referral r
                join supporter_department sd on sd.department_id = r.department_id
                join supporter s on s.id = sd.supporter_id and s.status = 'ACTIVE'
                join physician p on p.id = s.physician_id and p.email <> ?
                where r.id = ?
                  and not exists (select 1 from referral o where o.supporter_id = s.id and o.status <> 'CLOSED')
                """, Long.class, "supporter@example.org", caseId);
        triage.assign(caseId, supporter, triage.caseFor(caseId, coordinator).version(), coordinator);
        return supporter;
    }

    /** The principal of a demo account, as it would be after signing in. */
    private CurrentUser signedIn(String email) {
        AccountSummary account = accounts.accountByEmail(email).orElseThrow();
        return new CurrentUser(account.id(), account.email(), account.displayName(), account.roles(),
                account.hospitalIds(), account.physicianId(), null, true);
    }

    private void train(long hospitalId, LocalDate date, List<Long> attendees, Set<Long> modules, HospitalScope all) {
        long session = training.schedule(hospitalId, date, "Program facilitator", false, modules, all);
        Map<Long, Set<Long>> completions = new java.util.HashMap<>();
        attendees.forEach(id -> completions.put(id, modules));
        training.recordAttendance(session, completions, training.session(session, all).version(), all);
        for (Long id : attendees) {
            supporters.changeStatus(id, SupporterService.StatusChange.ACTIVATE, null,
                    supporters.supporter(id, all).version(), all);
        }
    }

    private void create(String email, String name, Set<Role> roles, Set<Long> hospitals) {
        Long physicianId = roster.physicianByEmail(email).map(p -> p.id()).orElse(null);
        long id = accounts.create(new NewAccount(email, name, ACCOUNTS.get(email), roles, hospitals, physicianId));
        if (STAFF.contains(email)) {
            // Set up a step ago, so that the code of the moment is still unused when the demo opens.
            long step = Totp.step(clock.instant()) - 1;
            secondFactors.setUpAuthenticatorApp(id, AUTHENTICATOR_KEY, Totp.code(AUTHENTICATOR_KEY, step));
        }
    }

    private static String accountList() {
        StringBuilder list = new StringBuilder();
        ACCOUNTS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> list.append(e.getKey()).append(" / \"").append(e.getValue()).append("\"; "));
        return list.toString();
    }

    /** About 1,200 physicians, the same on every machine, plus the demo clinicians' own rows. */
    private static byte[] rosterCsv() {
        Random random = new Random(2019);
        StringBuilder csv = new StringBuilder("name,email,phone,hospital,department,specialty,career_stage,active\n");
        csv.append("Sam Supporter,supporter@example.org,555-0100,Northbay Medical Center,Emergency Medicine,"
                + "Emergency Medicine,MID_CAREER,true\n");
        csv.append("Pat Physician,physician@example.org,555-0101,Northbay Medical Center,Surgery,"
                + "General Surgery,EARLY_CAREER,true\n");
        String[] stages = {"RESIDENT", "FELLOW", "EARLY_CAREER", "MID_CAREER", "LATE_CAREER"};
        int n = 0;
        for (String hospital : HOSPITALS.keySet().stream().sorted().toList()) {
            for (String department : HOSPITALS.get(hospital)) {
                int size = 85 + random.nextInt(50);
                // Nobody shares a name with a colleague of their own department.
                Set<String> taken = new java.util.HashSet<>();
                for (int i = 0; i < size; i++) {
                    String first;
                    String last;
                    do {
                        first = FIRST.get(random.nextInt(FIRST.size()));
                        last = LAST.get(random.nextInt(LAST.size()));
                    }
                    while (!taken.add(first + " " + last));
                    n++;
                    String email = (first + "." + last.replace("'", "") + "." + n + "@example.org").toLowerCase();
                    csv.append(first).append(' ').append(last).append(',').append(email).append(',')
                            .append(String.format("555-%04d", 1000 + n)).append(',').append(hospital).append(',')
                            .append(department).append(',').append(department).append(',')
                            .append(stages[random.nextInt(stages.length)]).append(",true\n");
                }
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
