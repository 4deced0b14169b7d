package org.peersupport.supporter;

import java.math.BigDecimal;
import java.sql.Array;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.peersupport.organization.OrganizationService;
import org.peersupport.shared.HospitalCalendar;
import org.peersupport.shared.HospitalScope;
import org.peersupport.shared.NotFoundException;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.shared.StaleEdit;
import org.peersupport.supporter.domain.Certification;
import org.peersupport.supporter.domain.Supporter;
import org.peersupport.supporter.domain.SupporterRepository;
import org.peersupport.supporter.domain.TrainingModule;
import org.peersupport.supporter.domain.TrainingModuleRepository;
import org.peersupport.supporter.domain.TrainingSession;
import org.peersupport.supporter.domain.TrainingSessionRepository;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The curriculum and the training sessions. Every change to attendance or to the curriculum
 * works the affected supporters' certification out again from their completions.
 */
@Service
@Transactional(readOnly = true)
public class TrainingService {

    private final TrainingModuleRepository modules;

    private final TrainingSessionRepository sessions;

    private final SupporterRepository supporters;

    private final JdbcTemplate jdbc;

    private final OrganizationService organization;

    private final HospitalCalendar calendar;

    TrainingService(TrainingModuleRepository modules, TrainingSessionRepository sessions,
            SupporterRepository supporters, JdbcTemplate jdbc, OrganizationService organization, HospitalCalendar calendar) {
        this.organization = organization;
        this.modules = modules;
        this.sessions = sessions;
        this.supporters = supporters;
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    public record ModuleView(long id, String title, String description, BigDecimal hours, boolean required,
            boolean active, long version) {
    }

    public record SessionView(long id, long hospitalId, LocalDate date, String facilitator, boolean refresher,
            List<ModuleView> modules, Set<Long> attendees, Map<Long, Set<Long>> completions, long version) {
    }

    /** One session in a supporter's history: which covered modules they completed. */
    public record HistoryLine(long sessionId, LocalDate date, boolean refresher, String facilitator,
            List<ModuleView> covered, Set<Long> completed) {
    }

    public List<ModuleView> curriculum() {
        return modules.findAllByOrderByPositionAscIdAsc().stream().map(TrainingService::view).toList();
    }

    public BigDecimal requiredHours() {
        return modules.findAll().stream().filter(TrainingModule::countsForCertification)
                .map(TrainingModule::getHours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public ModuleView module(long id) {
        return modules.findById(id).map(TrainingService::view).orElseThrow(NotFoundException::new);
    }

    @Transactional
    public long addModule(String title, String description, BigDecimal hours, boolean required) {
        int position = modules.findAll().stream().mapToInt(TrainingModule::getPosition).max().orElse(0) + 1;
        long id = modules.save(new TrainingModule(title, description, hours, required, position)).getId();
        recertify(allSupporterIds());
        return id;
    }

    @Transactional
    public void changeModule(long id, String title, String description, BigDecimal hours, boolean required,
            boolean active, long expectedVersion) {
        TrainingModule module = modules.findById(id).orElseThrow(NotFoundException::new);
        StaleEdit.check(module.getVersion(), expectedVersion, TrainingModule.class, id);
        module.change(title, description, hours, required, active);
        modules.flush();
        recertify(allSupporterIds());
    }

    public Page<SessionView> sessions(HospitalScope scope, Pageable pageable) {
        Set<Long> hospitals = scope.hospitalIds().isEmpty() ? Set.of(-1L) : scope.hospitalIds();
        Map<Long, ModuleView> byId = modulesById();
        return sessions.findInScope(scope.all(), hospitals, pageable).map(s -> view(s, byId));
    }

    public SessionView session(long id, HospitalScope scope) {
        return view(scoped(id, scope), modulesById());
    }

    /**
     * Every rule a new session breaks, for what was chosen so far (null where nothing was): a
     * form that did not bind shows these too. A date is judged by the chosen hospital's today,
     * or by the earliest today among the caller's hospitals before one is chosen.
     */
    @Transactional(readOnly = true)
    public List<RuleViolationException> broken(Long hospitalId, LocalDate date, Set<Long> moduleIds,
            HospitalScope scope) {
        List<RuleViolationException> broken = new ArrayList<>();
        boolean hospitalKnown = hospitalId != null && scope.includes(hospitalId);
        if (hospitalId != null && !hospitalKnown) {
            broken.add(new RuleViolationException("hospitalId", "session.error.otherHospital"));
        }
        if (moduleIds != null && !modulesById().keySet().containsAll(moduleIds)) {
            broken.add(new RuleViolationException("moduleIds", "session.error.unknownModule"));
        }
        broken.addAll(TrainingSession.broken(date, moduleIds,
                hospitalKnown ? today(hospitalId) : calendar.earliestToday(scope)));
        return broken;
    }

    @Transactional
    public long schedule(long hospitalId, LocalDate date, String facilitator, boolean refresher, Set<Long> moduleIds,
            HospitalScope scope) {
        RuleViolationException.throwIfAny(broken(hospitalId, date, moduleIds, scope));
        return sessions.save(new TrainingSession(hospitalId, date, facilitator, refresher, moduleIds,
                today(hospitalId))).getId();
    }

    /**
     * Records who attended and which covered modules each completed. Every attendee must be a
     * supporter of the session's hospital; their certification is worked out again at once.
     */
    @Transactional
    public void recordAttendance(long sessionId, Map<Long, Set<Long>> completedBySupporter, long expectedVersion,
            HospitalScope scope) {
        TrainingSession session = scoped(sessionId, scope);
        StaleEdit.check(session.getVersion(), expectedVersion, TrainingSession.class, sessionId);
        List<Supporter> attendees = supporters.findAllById(completedBySupporter.keySet());
        if (attendees.size() != completedBySupporter.size()
                || attendees.stream().anyMatch(s -> s.getHospitalId() != session.getHospitalId())) {
            throw new RuleViolationException(null, "session.error.otherHospitalSupporter");
        }
        Set<Long> changed = session.recordAttendance(completedBySupporter, today(session.getHospitalId()));
        attendees.forEach(Supporter::trainingAttended);
        sessions.flush();
        recertify(changed);
    }

    /** Supporters of the session's hospital who may be ticked as attendees (all but the retired). */
    public List<Long> attendableSupporters(long sessionId, HospitalScope scope) {
        TrainingSession session = scoped(sessionId, scope);
        return supporters.findCurrentInHospital(session.getHospitalId()).stream().map(Supporter::getId).toList();
    }

    public List<HistoryLine> history(long supporterId) {
        Map<Long, ModuleView> byId = modulesById();
        List<HistoryLine> lines = new ArrayList<>();
        for (TrainingSession s : sessions.findAttendedBy(supporterId)) {
            lines.add(new HistoryLine(s.getId(), s.getSessionDate(), s.isRefresher(), s.getFacilitator(),
                    s.getModuleIds().stream().map(byId::get).sorted(java.util.Comparator.comparing(ModuleView::id))
                            .toList(),
                    s.completedBy(supporterId)));
        }
        return lines;
    }

    /** Works out certification again for these supporters from all their completions. */
    private void recertify(Collection<Long> supporterIds) {
        if (supporterIds.isEmpty()) {
            return;
        }
        Set<Long> required = modules.findAll().stream().filter(TrainingModule::countsForCertification)
                .map(TrainingModule::getId).collect(Collectors.toSet());
        Map<Long, List<Certification.Completion>> completions = completionsOf(supporterIds);
        for (Supporter supporter : supporters.findAllById(supporterIds)) {
            supporter.certification(Certification.certifiedOn(
                    completions.getOrDefault(supporter.getId(), List.of()), required).orElse(null));
        }
    }

    private Map<Long, List<Certification.Completion>> completionsOf(Collection<Long> supporterIds) {
        Map<Long, List<Certification.Completion>> result = new HashMap<>();
        jdbc.execute((java.sql.Connection connection) -> {
            Array ids = connection.createArrayOf("bigint", supporterIds.toArray());
            try (var statement = connection.prepareStatement("""
                    select c.supporter_id, c.module_id, s.session_date, s.refresher
                    from module_completion c join training_session s on s.id = c.session_id
                    where c.supporter_id = any(?)""")) {
                statement.setArray(1, ids);
                try (var rs = statement.executeQuery()) {
                    while (rs.next()) {
                        result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(new Certification.Completion(rs.getLong(2), rs.getObject(3, LocalDate.class),
                                        rs.getBoolean(4)));
                    }
                }
            }
            return null;
        });
        return result;
    }

    /** Today in the hospital's own time zone: sessions are dated where they happen. */
    public LocalDate today(long hospitalId) {
        organization.hospital(hospitalId).orElseThrow(NotFoundException::new);
        return calendar.today(hospitalId);
    }

    private List<Long> allSupporterIds() {
        return jdbc.queryForList("select id from supporter", Long.class);
    }

    private TrainingSession scoped(long id, HospitalScope scope) {
        return sessions.findById(id).filter(s -> scope.includes(s.getHospitalId()))
                .orElseThrow(NotFoundException::new);
    }

    private Map<Long, ModuleView> modulesById() {
        return curriculum().stream().collect(Collectors.toMap(ModuleView::id, m -> m));
    }

    private static ModuleView view(TrainingModule m) {
        return new ModuleView(m.getId(), m.getTitle(), m.getDescription(), m.getHours(), m.isRequired(), m.isActive(),
                m.getVersion());
    }

    private static SessionView view(TrainingSession s, Map<Long, ModuleView> modules) {
        Map<Long, Set<Long>> completions = new HashMap<>();
        for (Long attendee : s.getAttendees()) {
            completions.put(attendee, s.completedBy(attendee));
        }
        return new SessionView(s.getId(), s.getHospitalId(), s.getSessionDate(), s.getFacilitator(), s.isRefresher(),
                s.getModuleIds().stream().map(modules::get).sorted(java.util.Comparator.comparing(ModuleView::id))
                        .toList(),
                s.getAttendees(), completions, s.getVersion());
    }
}
