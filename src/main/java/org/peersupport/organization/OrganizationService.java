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
import org.peersupport.shared.RuleViolationException;
import org.peersupport.shared.StaleEdit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hospitals, departments and program settings. Reads are open to every module; changes come
 * from this module's administration pages, each checked against the caller's hospital scope.
 */
@Service
@Transactional(readOnly = true)
public class OrganizationService {

    private final HospitalRepository hospitals;

    private final DepartmentRepository departments;

    private final ProgramSettingsRepository settings;

    private final HospitalTimeZones zones;

    private final Clock clock;

    OrganizationService(HospitalRepository hospitals, DepartmentRepository departments,
            ProgramSettingsRepository settings, HospitalTimeZones zones, Clock clock) {
        this.clock = clock;
        this.hospitals = hospitals;
        this.departments = departments;
        this.settings = settings;
        this.zones = zones;
    }

    public ProgramSettingsView settings() {
        return loadSettings().view();
    }

    public long settingsVersion() {
        return loadSettings().getVersion();
    }

    @Transactional
    public void changeSettings(ProgramSettingsView values, long expectedVersion) {
        ProgramSettings current = loadSettings();
        StaleEdit.check(current.getVersion(), expectedVersion, ProgramSettings.class, 1L);
        current.change(values, clock.instant());
    }

    public List<HospitalSummary> hospitals(HospitalScope scope) {
        List<Hospital> found = scope.all() ? hospitals.findAllByOrderByNameAsc()
                : hospitals.findByIdInOrderByNameAsc(scope.hospitalIds());
        return found.stream().map(Hospital::summary).toList();
    }

    public Optional<HospitalSummary> hospital(long id) {
        return hospitals.findById(id).map(Hospital::summary);
    }

    /** The hospital, if the scope includes it; otherwise it does not exist for this caller. */
    public HospitalSummary hospital(long id, HospitalScope scope) {
        if (!scope.includes(id)) {
            throw new NotFoundException();
        }
        return hospital(id).orElseThrow(NotFoundException::new);
    }

    public long hospitalVersion(long id) {
        return hospitals.findById(id).map(Hospital::getVersion).orElseThrow(NotFoundException::new);
    }

    public long departmentVersion(long id) {
        return departments.findById(id).map(Department::getVersion).orElseThrow(NotFoundException::new);
    }

    public List<DepartmentSummary> departments(long hospitalId) {
        return departments.findByHospital(hospitalId).stream().map(Department::summary).toList();
    }

    public List<DepartmentSummary> departments(HospitalScope scope) {
        List<Department> found = scope.all() ? departments.findAllWithHospital()
                : departments.findByHospitals(scope.hospitalIds());
        return found.stream().map(Department::summary).toList();
    }

    public Optional<DepartmentSummary> department(long id) {
        return departments.findById(id).map(Department::summary);
    }

    @Transactional
    public long createHospital(String name, ZoneId timeZone) {
        if (hospitals.nameTaken(name, null)) {
            throw new RuleViolationException("name", "hospital.error.nameTaken");
        }
        long id = hospitals.save(new Hospital(name, timeZone)).getId();
        zones.changed();
        return id;
    }

    @Transactional
    public void changeHospital(long id, String name, ZoneId timeZone, long expectedVersion) {
        Hospital hospital = hospitals.findById(id).orElseThrow(NotFoundException::new);
        StaleEdit.check(hospital.getVersion(), expectedVersion, Hospital.class, id);
        if (hospitals.nameTaken(name, id)) {
            throw new RuleViolationException("name", "hospital.error.nameTaken");
        }
        hospital.rename(name, timeZone);
        zones.changed();
    }

    @Transactional
    public void setHospitalActive(long id, boolean active) {
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
        Hospital hospital = scopedHospital(hospitalId, scope);
        if (departments.nameTaken(hospitalId, name, null)) {
            throw new RuleViolationException("name", "department.error.nameTaken");
        }
        return departments.save(new Department(hospital, name)).getId();
    }

    @Transactional
    public void renameDepartment(long hospitalId, long departmentId, String name, long expectedVersion,
            HospitalScope scope) {
        Department department = scopedDepartment(hospitalId, departmentId, scope);
        StaleEdit.check(department.getVersion(), expectedVersion, Department.class, departmentId);
        if (departments.nameTaken(hospitalId, name, departmentId)) {
            throw new RuleViolationException("name", "department.error.nameTaken");
        }
        department.rename(name);
    }

    @Transactional
    public void setDepartmentActive(long hospitalId, long departmentId, boolean active, HospitalScope scope) {
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
