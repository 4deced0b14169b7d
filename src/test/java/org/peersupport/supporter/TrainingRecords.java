package org.peersupport.supporter;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures;

/**
 * Supporters and training records made through the real services, for the supporter module's
 * integration tests. A plain helper, not a bean, so the tests keep sharing one Spring context.
 */
final class TrainingRecords {

    static final HospitalScope ALL = HospitalScope.everything();

    private final SupporterService supporters;

    private final TrainingService training;

    private final Clock clock;

    TrainingRecords(SupporterService supporters, TrainingService training, Clock clock) {
        this.supporters = supporters;
        this.training = training;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Fixtures.ZONE));
    }

    long nominate(long physicianId) {
        return supporters.nominate(physicianId, ALL).supporterId();
    }

    /** The modules that count for certification now (required and in use). */
    Set<Long> requiredModules() {
        return training.curriculum().stream().filter(m -> m.required() && m.active())
                .map(TrainingService.ModuleView::id).collect(Collectors.toSet());
    }

    Set<Long> activeModules() {
        return training.curriculum().stream().filter(TrainingService.ModuleView::active)
                .map(TrainingService.ModuleView::id).collect(Collectors.toSet());
    }

    long session(long hospitalId, LocalDate date, boolean refresher, Set<Long> modules) {
        return training.schedule(hospitalId, date, Fixtures.unique("Facilitator"), refresher, modules, ALL);
    }

    long version(long sessionId) {
        return training.session(sessionId, ALL).version();
    }

    /** Each supporter attended and completed every module the session covered. */
    void attendedInFull(long sessionId, long... supporterIds) {
        Set<Long> covered = training.session(sessionId, ALL).modules().stream().map(TrainingService.ModuleView::id)
                .collect(Collectors.toSet());
        Map<Long, Set<Long>> completions = new HashMap<>();
        for (long id : supporterIds) {
            completions.put(id, covered);
        }
        training.recordAttendance(sessionId, completions, version(sessionId), ALL);
    }

    /** Certified on that day: a session covering the whole curriculum, completed in full. */
    long certify(long hospitalId, LocalDate on, long... supporterIds) {
        long session = session(hospitalId, on, false, activeModules());
        attendedInFull(session, supporterIds);
        return session;
    }

    /** Certified today, and active. */
    void certifiedAndActive(long hospitalId, long... supporterIds) {
        certify(hospitalId, today(), supporterIds);
        for (long id : supporterIds) {
            supporters.changeStatus(id, SupporterService.StatusChange.ACTIVATE, null,
                    supporters.supporter(id, ALL).version(), ALL);
        }
    }

    SupporterSummary supporter(long id) {
        return supporters.supporter(id, ALL);
    }
}
