package org.peersupport.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.peersupport.account.AccountService;
import org.peersupport.account.AccountSummary;
import org.peersupport.account.CurrentUser;
import org.peersupport.account.NewAccount;
import org.peersupport.account.Role;
import org.peersupport.interaction.ContactDetails;
import org.peersupport.interaction.ContactMode;
import org.peersupport.interaction.ContactOutcome;
import org.peersupport.interaction.InteractionService;
import org.peersupport.organization.DepartmentSummary;
import org.peersupport.organization.HospitalSummary;
import org.peersupport.organization.OrganizationService;
import org.peersupport.organization.RosterImportPreview;
import org.peersupport.organization.RosterImportService;
import org.peersupport.organization.RosterQuery;
import org.peersupport.organization.RosterService;
import org.peersupport.referral.ReferralService;
import org.peersupport.referral.QueueOrder;
import org.peersupport.referral.TriageService;
import org.peersupport.referral.Trigger;
import org.peersupport.resource.ResourceDetails;
import org.peersupport.resource.ResourceKind;
import org.peersupport.resource.ResourceService;
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

    private static final ZoneId DEMO_ZONE = ZoneId.of("America/Los_Angeles");

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

    DemoData(OrganizationService organization, RosterImportService imports, RosterService roster,
            AccountService accounts, SupporterService supporters, TrainingService training,
            ReferralService referralService, ResourceService resources, TriageService triage,
            InteractionService interactions, HospitalCalendar calendar) {
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
        ZoneId zone = DEMO_ZONE;
        HOSPITALS.keySet().stream().sorted().forEach(hospital -> {
            long id = organization.createHospital(hospital, zone);
            HOSPITALS.get(hospital).forEach(d -> organization.createDepartment(id, d, HospitalScope.everything()));
        });
        RosterImportPreview preview = imports.upload("demo-roster.csv", rosterCsv(), HospitalScope.everything());
        imports.importUpload(preview.uploadId(), HospitalScope.everything(), false);

        long northbay = organization.hospitals(HospitalScope.everything()).stream()
                .filter(h -> h.name().startsWith("Northbay")).findFirst().orElseThrow().id();
        create("admin@example.org", "Avery Admin", EnumSet.of(Role.ADMIN), Set.of());
        create("coordinator@example.org", "Casey Coordinator", EnumSet.of(Role.COORDINATOR), Set.of(northbay));
        create("supporter@example.org", "Sam Supporter", EnumSet.of(Role.SUPPORTER, Role.PHYSICIAN), Set.of());
        create("physician@example.org", "Pat Physician", EnumSet.of(Role.PHYSICIAN), Set.of());
        resources.add(new ResourceDetails(northbay, "Northbay Physician Crisis Line", ResourceKind.CRISIS_LINE,
                "555-0199", null, "Any time, day or night", 1, true), HospitalScope.everything());
        resources.add(new ResourceDetails(northbay, "Northbay EAP", ResourceKind.EAP, "555-0150",
                "https://eap.example.org", "Weekdays 8 am to 6 pm", 1, true), HospitalScope.everything());
        int supporterCount = supportersAndTraining();
        referrals();
        log.info("Demo data loaded: 2 hospitals, 11 departments, {} physicians, {} supporters. Demo accounts: {}",
                preview.rowCount(), supporterCount, accountList());
    }

    /**
     * Two supporters in most departments: a cohort trained 22 months ago (their certification
     * expires soon), a newer cohort, a few still in training, and some departments left uncovered.
     */
    private int supportersAndTraining() {
        HospitalScope all = HospitalScope.everything();
        LocalDate today = calendar.today(DEMO_ZONE);
        Set<Long> modules = training.curriculum().stream().map(TrainingService.ModuleView::id)
                .collect(Collectors.toSet());
        long demoSupporter = supporters.nominate(roster.physicianByEmail("supporter@example.org").orElseThrow().id(),
                all).supporterId();
        int count = 1;
        for (HospitalSummary hospital : organization.hospitals(all)) {
            List<Long> older = new ArrayList<>();
            List<Long> newer = new ArrayList<>();
            List<DepartmentSummary> departments = organization.departments(hospital.id());
            for (int i = 0; i < departments.size(); i++) {
                if (i == departments.size() - 1) {
                    continue; // one department per hospital has nobody yet, so coverage shows a gap
                }
                var physicians = roster.search(new RosterQuery("", hospital.id(), departments.get(i).id(), true), all,
                        PageRequest.of(0, 3)).getContent();
                for (int j = 0; j < physicians.size(); j++) {
                    if (physicians.get(j).email().equals("physician@example.org")
                            || supporters.ofPhysician(physicians.get(j).id()).isPresent()) {
                        continue;
                    }
                    long id = supporters.nominate(physicians.get(j).id(), all).supporterId();
                    count++;
                    (j == 0 ? older : j == 1 ? newer : new ArrayList<Long>()).add(id);
                }
            }
            if (hospital.name().startsWith("Northbay")) {
                newer.add(demoSupporter);
            }
            train(hospital.id(), today.minusMonths(22).plusDays(20), older, modules, all);
            train(hospital.id(), today.minusMonths(3), newer, modules, all);
            training.schedule(hospital.id(), today.plusDays(21), "Program facilitator", true, modules, all);
        }
        return count;
    }

    /**
     * Two referrals from the demo physician, one of them urgent, waiting in Northbay's queue; a
     * third assigned to the demo supporter, who has logged a first contact with a follow-up.
     */
    private void referrals() {
        CurrentUser referrer = signedIn("physician@example.org");
        var northbay = organization.hospitals(HospitalScope.everything()).stream()
                .filter(h -> h.name().startsWith("Northbay")).findFirst().orElseThrow();
        var colleagues = roster.search(new RosterQuery("", northbay.id(), null, true), HospitalScope.everything(),
                PageRequest.of(0, 40)).getContent().stream()
                .filter(p -> !p.email().equals("physician@example.org") && !p.email().equals("supporter@example.org"))
                .toList();
        referralService.refer(referrer, new ReferralService.NewReferral(colleagues.get(7).id(), false, false,
                Trigger.ADVERSE_EVENT, false, "Involved in a difficult case last week.", false, UUID.randomUUID()));
        referralService.refer(referrer, new ReferralService.NewReferral(colleagues.get(13).id(), false, false,
                Trigger.BURNOUT, true, null, true, UUID.randomUUID()));

        long colleague = colleagues.get(21).id();
        referralService.refer(referrer, new ReferralService.NewReferral(colleague, false, false,
                Trigger.PATIENT_DEATH, false, null, false, UUID.randomUUID()));
        CurrentUser coordinator = signedIn("coordinator@example.org");
        CurrentUser supporter = signedIn("supporter@example.org");
        var queued = triage.queue(TriageService.QueueFilter.of(northbay.id(), null),
                QueueOrder.URGENT_FIRST, HospitalScope.everything(), PageRequest.of(0, 10)).getContent().stream()
                .filter(row -> row.trigger() == Trigger.PATIENT_DEATH).findFirst().orElseThrow();
        long demoSupporter = supporters.ofPhysician(supporter.physicianId().orElseThrow()).orElseThrow().id();
        triage.assign(queued.id(), demoSupporter, triage.caseFor(queued.id(), coordinator).version(), coordinator);
        ZoneId zone = northbay.timeZone();
        interactions.logOnCase(queued.id(), new ContactDetails(
                calendar.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES),
                ContactMode.PHONE, 30, ContactOutcome.CONNECTED, false, Set.of(), null,
                "Call again after the on-call weekend.", calendar.today(zone).plusDays(2), UUID.randomUUID()),
                supporter);
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
        accounts.create(new NewAccount(email, name, ACCOUNTS.get(email), roles, hospitals, physicianId));
    }

    private static String accountList() {
        StringBuilder list = new StringBuilder();
        ACCOUNTS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> list.append(e.getKey()).append(" / \"").append(e.getValue()).append("\"; "));
        return list.toString();
    }

    /** About 300 physicians, the same on every machine, plus the demo clinicians' own rows. */
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
                int size = 24 + random.nextInt(8);
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
