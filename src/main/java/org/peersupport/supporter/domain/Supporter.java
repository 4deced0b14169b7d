package org.peersupport.supporter.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.supporter.SupporterService.StatusChange;
import org.peersupport.supporter.SupporterStatus;

/**
 * A peer supporter: a roster physician (by id) nominated for a hospital's program. Guards its own
 * status changes; certification is derived from training and only cached here for filtering.
 */
@Entity
@Table(name = "supporter")
public class Supporter {

    public static final int MAX_CAPACITY = 50;

    public static final int DEFAULT_CAPACITY = 3;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long physicianId;

    private long hospitalId;

    @Enumerated(EnumType.STRING)
    private SupporterStatus status = SupporterStatus.NOMINATED;

    private LocalDate pausedUntil;

    private int capacity = DEFAULT_CAPACITY;

    private LocalDate certifiedOn;

    // Written by the database's default on insert: a record-keeping time that no rule reads.
    @Column(insertable = false, updatable = false)
    private Instant nominatedAt;

    @ElementCollection
    @CollectionTable(name = "supporter_department", joinColumns = @JoinColumn(name = "supporter_id"))
    @Column(name = "department_id")
    private Set<Long> departmentIds = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "supporter_conflict", joinColumns = @JoinColumn(name = "supporter_id"))
    @Column(name = "physician_id")
    private Set<Long> conflicts = new HashSet<>();

    /** Conflicts the supporter declared themselves: they alone see them; matching honours them. */
    @ElementCollection
    @CollectionTable(name = "supporter_private_conflict", joinColumns = @JoinColumn(name = "supporter_id"))
    @Column(name = "physician_id")
    private Set<Long> privateConflicts = new HashSet<>();

    @Version
    private long version;

    protected Supporter() {
    }

    public Supporter(long physicianId, long hospitalId, long homeDepartmentId) {
        this.physicianId = physicianId;
        this.hospitalId = hospitalId;
        this.departmentIds.add(homeDepartmentId);
    }

    /** Recording attendance at a first session moves a nominee into training. */
    public void trainingAttended() {
        if (status == SupporterStatus.NOMINATED) {
            status = SupporterStatus.IN_TRAINING;
        }
    }

    public void activate() {
        require(StatusChange.ACTIVATE.appliesTo(status), "supporter.error.cannotActivate");
        status = SupporterStatus.ACTIVE;
        pausedUntil = null;
    }

    /** Pauses an active supporter, until a return date if one is given (which must be ahead). */
    public void pause(LocalDate until, LocalDate today) {
        require(StatusChange.PAUSE.appliesTo(status), "supporter.error.cannotPause");
        if (until != null && !until.isAfter(today)) {
            throw new RuleViolationException("pausedUntil", "supporter.error.returnInPast");
        }
        if (until != null && until.isAfter(today.plusYears(2))) {
            throw new RuleViolationException("pausedUntil", "supporter.error.returnTooFar");
        }
        status = SupporterStatus.PAUSED;
        pausedUntil = until;
    }

    /** Back from a pause, by hand or because the return date has come. */
    public void resume() {
        require(StatusChange.RESUME.appliesTo(status), "supporter.error.notPaused");
        status = SupporterStatus.ACTIVE;
        pausedUntil = null;
    }

    public boolean returnDateReached(LocalDate today) {
        return status == SupporterStatus.PAUSED && pausedUntil != null && !pausedUntil.isAfter(today);
    }

    public void retire() {
        require(StatusChange.RETIRE.appliesTo(status), "supporter.error.alreadyRetired");
        status = SupporterStatus.RETIRED;
        pausedUntil = null;
    }

    /** A retired supporter may be nominated again; their training record stays. */
    public void reinstate() {
        require(StatusChange.REINSTATE.appliesTo(status), "supporter.error.notRetired");
        status = SupporterStatus.NOMINATED;
    }

    public void changeCapacity(int capacity) {
        if (capacity < 0 || capacity > MAX_CAPACITY) {
            throw new RuleViolationException("capacity", "supporter.error.capacity", MAX_CAPACITY);
        }
        this.capacity = capacity;
    }

    public void serveDepartments(Set<Long> departmentIds) {
        if (departmentIds.isEmpty()) {
            throw new RuleViolationException("departmentIds", "supporter.error.noDepartment");
        }
        this.departmentIds = new HashSet<>(departmentIds);
    }

    public void declareConflict(long physicianId) {
        if (physicianId == this.physicianId) {
            throw new RuleViolationException("conflictEmail", "supporter.error.conflictSelf");
        }
        conflicts.add(physicianId);
    }

    public void withdrawConflict(long physicianId) {
        conflicts.remove(physicianId);
    }

    /** "I know this colleague too well": never matched with them, and nobody else is told why. */
    public void declarePrivateConflict(long physicianId) {
        if (physicianId == this.physicianId) {
            throw new RuleViolationException("colleagueEmail", "supporter.error.conflictSelf");
        }
        privateConflicts.add(physicianId);
    }

    public void withdrawPrivateConflict(long physicianId) {
        privateConflicts.remove(physicianId);
    }

    /** Whether a conflict with the physician was declared, by a coordinator or privately. */
    public boolean hasConflictWith(long physicianId) {
        return conflicts.contains(physicianId) || privateConflicts.contains(physicianId);
    }

    public Set<Long> getPrivateConflicts() {
        return Set.copyOf(privateConflicts);
    }

    public void certification(LocalDate certifiedOn) {
        this.certifiedOn = certifiedOn;
    }

    private static void require(boolean condition, String messageKey) {
        if (!condition) {
            throw new RuleViolationException(null, messageKey);
        }
    }

    public Long getId() {
        return id;
    }

    public long getPhysicianId() {
        return physicianId;
    }

    public long getHospitalId() {
        return hospitalId;
    }

    public SupporterStatus getStatus() {
        return status;
    }

    public LocalDate getPausedUntil() {
        return pausedUntil;
    }

    public int getCapacity() {
        return capacity;
    }

    public LocalDate getCertifiedOn() {
        return certifiedOn;
    }

    public Set<Long> getDepartmentIds() {
        return Set.copyOf(departmentIds);
    }

    public Set<Long> getConflicts() {
        return Set.copyOf(conflicts);
    }

    public long getVersion() {
        return version;
    }
}
