package org.peersupport.organization.domain;

import java.util.Collection;
import java.util.Optional;

import org.peersupport.organization.PhysicianSummary;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PhysicianRepository extends JpaRepository<Physician, Long> {

    String SUMMARY = "select new org.peersupport.organization.PhysicianSummary(p.id, p.name, p.email, p.phone, "
            + "d.id, d.name, h.id, h.name, p.specialty, p.careerStage, p.active) "
            + "from Physician p join p.department d join d.hospital h ";

    String FILTER = "where (:text = '' or lower(p.name) like :text escape '\\' or p.email like :text escape '\\') "
            + "and (:second = '' or lower(p.name) like :second escape '\\' or p.email like :second escape '\\') "
            + "and (:third = '' or lower(p.name) like :third escape '\\' or p.email like :third escape '\\') "
            + "and (:hospitalId is null or h.id = :hospitalId) "
            + "and (:departmentId is null or d.id = :departmentId) "
            + "and (:active is null or p.active = :active) "
            + "and (:allHospitals = true or h.id in :hospitalIds) ";

    @Query(value = SUMMARY + FILTER + "order by p.name, p.id",
            countQuery = "select count(p) from Physician p join p.department d join d.hospital h " + FILTER)
    Page<PhysicianSummary> search(String text, String second, String third, Long hospitalId, Long departmentId, Boolean active,
            boolean allHospitals, Collection<Long> hospitalIds, Pageable pageable);

    @Query(SUMMARY + "where p.id = ?1")
    Optional<PhysicianSummary> findSummary(long id);

    @Query(SUMMARY + "where p.email = ?1")
    Optional<PhysicianSummary> findSummaryByEmail(String email);

    @Query("select p from Physician p join fetch p.department d join fetch d.hospital where p.id = ?1")
    Optional<Physician> findWithDepartment(long id);

    @Query("select count(p) > 0 from Physician p where p.email = ?1 and (?2 is null or p.id <> ?2)")
    boolean emailTaken(String email, Long exceptId);

    @Query("select count(p) from Physician p where p.active = true and p.department.hospital.id in ?1")
    long countActiveInHospitals(Collection<Long> hospitalIds);

    @Query("select count(p) from Physician p where p.active = true")
    long countActive();

    @Query("select new org.peersupport.organization.RosterMember(p.id, p.department.id, p.email) from Physician p "
            + "where p.active = true and p.department.id in ?1 order by p.id")
    java.util.List<org.peersupport.organization.RosterMember> findActiveMembers(Collection<Long> departmentIds);

}
