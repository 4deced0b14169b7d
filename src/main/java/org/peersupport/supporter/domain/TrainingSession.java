package org.peersupport.supporter.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.peersupport.shared.RuleViolationException;

/**
 * A training session of one hospital: its date, facilitator and the modules it covers, and who
 * attended and completed which of those modules. It refuses completions of modules it did not
 * cover and attendance at a session that has not happened yet.
 */
@Entity
@Table(name = "training_session")
public class TrainingSession {

    /** How far back a session may be recorded, and how far ahead one may be scheduled. */
    public static final int MAX_YEARS_BACK = 5;

    public static final int MAX_YEARS_AHEAD = 1;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long hospitalId;

    private LocalDate sessionDate;

    private String facilitator;

    private boolean refresher;

    @ElementCollection
    @CollectionTable(name = "training_session_module", joinColumns = @JoinColumn(name = "session_id"))
    @Column(name = "module_id")
    private Set<Long> moduleIds = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "training_attendance", joinColumns = @JoinColumn(name = "session_id"))
    @Column(name = "supporter_id")
    private Set<Long> attendees = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "module_completion", joinColumns = @JoinColumn(name = "session_id"))
    private Set<CompletedModule> completions = new HashSet<>();

    @Version
    private long version;

    // Written by the database's default on insert: a record-keeping time that no rule reads.
    @Column(insertable = false, updatable = false)
    private Instant createdAt;

    protected TrainingSession() {
    }

    public TrainingSession(long hospitalId, LocalDate sessionDate, String facilitator, boolean refresher,
            Set<Long> moduleIds, LocalDate today) {
        RuleViolationException.throwIfAny(broken(sessionDate, moduleIds, today));
        this.hospitalId = hospitalId;
        this.facilitator = facilitator;
        this.refresher = refresher;
        this.sessionDate = sessionDate;
        this.moduleIds = new HashSet<>(moduleIds);
    }

    /**
     * The rules a session on this date covering these modules breaks; a date not known yet (null)
     * breaks none. The form asks this too, so that it shows every problem at once.
     */
    public static java.util.List<RuleViolationException> broken(LocalDate date, Set<Long> moduleIds,
            LocalDate today) {
        java.util.List<RuleViolationException> broken = new java.util.ArrayList<>();
        if (date != null && date.isBefore(today.minusYears(MAX_YEARS_BACK))) {
            broken.add(new RuleViolationException("sessionDate", "session.error.tooOld", MAX_YEARS_BACK));
        }
        else if (date != null && date.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            broken.add(new RuleViolationException("sessionDate", "session.error.tooFar", MAX_YEARS_AHEAD));
        }
        if (moduleIds == null || moduleIds.isEmpty()) {
            broken.add(new RuleViolationException("moduleIds", "session.error.noModules"));
        }
        return broken;
    }

    /**
     * Replaces the attendance: each attendee with the modules they completed. A covered module
     * left out for an attendee is a partial. Returns everyone whose record changed (attendees
     * before and after), so their certification can be worked out again.
     */
    public Set<Long> recordAttendance(Map<Long, Set<Long>> completedBySupporter, LocalDate today) {
        if (sessionDate.isAfter(today)) {
            throw new RuleViolationException(null, "session.error.notYet");
        }
        Set<CompletedModule> next = new HashSet<>();
        for (Map.Entry<Long, Set<Long>> entry : completedBySupporter.entrySet()) {
            for (Long moduleId : entry.getValue()) {
                if (!moduleIds.contains(moduleId)) {
                    throw new RuleViolationException(null, "session.error.moduleNotCovered");
                }
                next.add(new CompletedModule(entry.getKey(), moduleId));
            }
        }
        Set<Long> changed = new HashSet<>(attendees);
        changed.addAll(completedBySupporter.keySet());
        attendees.retainAll(completedBySupporter.keySet());
        attendees.addAll(completedBySupporter.keySet());
        completions.retainAll(next);
        completions.addAll(next);
        return changed;
    }

    public Set<Long> completedBy(long supporterId) {
        Set<Long> done = new HashSet<>();
        for (CompletedModule c : completions) {
            if (c.supporterId == supporterId) {
                done.add(c.moduleId);
            }
        }
        return done;
    }

    public Long getId() {
        return id;
    }

    public long getHospitalId() {
        return hospitalId;
    }

    public LocalDate getSessionDate() {
        return sessionDate;
    }

    public String getFacilitator() {
        return facilitator;
    }

    public boolean isRefresher() {
        return refresher;
    }

    public Set<Long> getModuleIds() {
        return Set.copyOf(moduleIds);
    }

    public Set<Long> getAttendees() {
        return Set.copyOf(attendees);
    }

    public long getVersion() {
        return version;
    }

    /** One module completed by one attendee. */
    @Embeddable
    public static class CompletedModule {

        @Column(name = "supporter_id")
        private long supporterId;

        @Column(name = "module_id")
        private long moduleId;

        protected CompletedModule() {
        }

        CompletedModule(long supporterId, long moduleId) {
            this.supporterId = supporterId;
            this.moduleId = moduleId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof CompletedModule that && that.supporterId == supporterId
                    && that.moduleId == moduleId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(supporterId, moduleId);
        }
    }
}
