package org.peersupport.organization;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.peersupport.organization.domain.Department;
import org.peersupport.organization.domain.DepartmentRepository;
import org.peersupport.organization.domain.Hospital;
import org.peersupport.organization.domain.HospitalRepository;
import org.peersupport.organization.domain.ProgramSettings;
import org.peersupport.organization.domain.ProgramSettingsRepository;
import org.peersupport.shared.HospitalScope;
import org.peersupport.shared.NotFoundException;
import org.peersupport.shared.ReferenceCache;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.shared.StaleEdit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hospitals, departments and program settings. Reads are open to every module and come from the
 * reference cache (see {@link OrganizationCatalog}), without a transaction of their own; changes come
 * from this module's administration pages, each checked against the caller's hospital scope, and
 * each tells the cache first ({@link ReferenceCache#changed()}).
 */
@Service
@Transactional(readOnly = true)
public class OrganizationService {

    private final HospitalRepository hospitals;

    private final DepartmentRepository departments;

    private final ProgramSettingsRepository settings;

    private final OrganizationCatalog catalog;

    private final ReferenceCache cache;

    private final Clock clock;

    OrganizationService(HospitalRepository hospitals, DepartmentRepository departments,
            ProgramSettingsRepository settings, OrganizationCatalog catalog, ReferenceCache cache, Clock clock) {
        this.clock = clock;
        this.hospitals = hospitals;
        this.departments = departments;
        this.settings = settings;
        this.catalog = catalog;
        this.cache = cache;
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public ProgramSettingsView settings() {
        return catalog.settings();
    }

    public long settingsVersion() {
        return loadSettings().getVersion();
    }

    @Transactional
    public void changeSettings(ProgramSettingsView values, long expectedVersion) {
        cache.changed();
        ProgramSettings current = loadSettings();
        StaleEdit.check(current.getVersion(), expectedVersion, ProgramSettings.class, 1L);
        current.change(values, clock.instant());
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public List<HospitalSummary> hospitals(HospitalScope scope) {
        List<HospitalSummary> all = catalog.hospitals().all();
        return scope.all() ? all : all.stream().filter(h -> scope.includes(h.id())).toList();
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<HospitalSummary> hospital(long id) {
        return Optional.ofNullable(catalog.hospitals().byId().get(id));
    }

    /** The hospital, if the scope includes it; otherwise it does not exist for this caller. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public HospitalSummary hospital(long id, HospitalScope scope) {
        if (!scope.includes(id)) {
            throw new NotFoundException();
        }
        return hospital(id).orElseThrow(NotFoundException::new);
    }

    public Versioned<ProgramSettingsView> settingsToEdit() {
        ProgramSettings current = loadSettings();
        return new Versioned<>(current.view(), current.getVersion());
    }

    public Versioned<HospitalSummary> hospitalToEdit(long id, HospitalScope scope) {
        Hospital hospital = scopedHospital(id, scope);
        return new Versioned<>(hospital.summary(), hospital.getVersion());
    }

    public Versioned<DepartmentSummary> departmentToEdit(long hospitalId, long departmentId, HospitalScope scope) {
        Department department = scopedDepartment(hospitalId, departmentId, scope);
        return new Versioned<>(department.summary(), department.getVersion());
    }

    public long departmentVersion(long id) {
        return departments.findById(id).map(Department::getVersion).orElseThrow(NotFoundException::new);
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public List<DepartmentSummary> departments(long hospitalId) {
        return catalog.departmentsOf(hospitalId);
    }

    /** The departments of the scope's hospitals only, by hospital name and then by name. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<DepartmentSummary> departments(HospitalScope scope) {
        return catalog.departmentsOf(scope.all()
                ? catalog.hospitals().all().stream().map(HospitalSummary::id).toList()
                : scope.hospitalIds());
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<DepartmentSummary> department(long id) {
        return catalog.department(id);
    }

    @Transactional
    public long createHospital(String name, ZoneId timeZone) {
        cache.changed();
        if (hospitals.nameTaken(name, null)) {
            throw new RuleViolationException("name", "hospital.error.nameTaken");
        }
        return hospitals.save(new Hospital(name, timeZone)).getId();
    }

    @Transactional
    public void changeHospital(long id, String name, ZoneId timeZone, long expectedVersion) {
        cache.changed();
        Hospital hospital = hospitals.findById(id).orElseThrow(NotFoundException::new);
        StaleEdit.check(hospital.getVersion(), expectedVersion, Hospital.class, id);
        if (hospitals.nameTaken(name, id)) {
            throw new RuleViolationException("name", "hospital.error.nameTaken");
        }
        hospital.rename(name, timeZone);
    }

    @Transactional
    public void setHospitalActive(long id, boolean active) {
        cache.changed();
        Hospital hospital = hospitals.findById(id).orElseThrow(NotFoundException::new);
        if (active) {
            hospital.activate();
        }
        else {
            hospital.deactivate();
        }
    }

    @Transactional
    public long createDepartment(long hospitalId, String name, HospitalScope scope) {
        cache.changed();
        Hospital hospital = scopedHospital(hospitalId, scope);
        if (departments.nameTaken(hospitalId, name, null)) {
            throw new RuleViolationException("name", "department.error.nameTaken");
        }
        return departments.save(new Department(hospital, name)).getId();
    }

    @Transactional
    public void renameDepartment(long hospitalId, long departmentId, String name, long expectedVersion,
            HospitalScope scope) {
        cache.changed();
        Department department = scopedDepartment(hospitalId, departmentId, scope);
        StaleEdit.check(department.getVersion(), expectedVersion, Department.class, departmentId);
        if (departments.nameTaken(hospitalId, name, departmentId)) {
            throw new RuleViolationException("name", "department.error.nameTaken");
        }
        department.rename(name);
    }

    @Transactional
    public void setDepartmentActive(long hospitalId, long departmentId, boolean active, HospitalScope scope) {
        cache.changed();
        Department department = scopedDepartment(hospitalId, departmentId, scope);
        if (active) {
            department.activate();
        }
        else {
            department.deactivate();
        }
    }

    private Hospital scopedHospital(long hospitalId, HospitalScope scope) {
        if (!scope.includes(hospitalId)) {
            throw new NotFoundException();
        }
        return hospitals.findById(hospitalId).orElseThrow(NotFoundException::new);
    }

    private Department scopedDepartment(long hospitalId, long departmentId, HospitalScope scope) {
        scopedHospital(hospitalId, scope);
        Department department = departments.findById(departmentId).orElseThrow(NotFoundException::new);
        if (!department.belongsTo(hospitalId)) {
            throw new NotFoundException();
        }
        return department;
    }

    private ProgramSettings loadSettings() {
        return settings.findById(ProgramSettings.SINGLE_ROW)
                .orElseThrow(() -> new IllegalStateException("program_settings row 1 is missing"));
    }
}
