package org.peersupport.organization.domain;

import java.util.Collection;
import java.util.Optional;

import org.peersupport.organization.PhysicianSummary;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PhysicianRepository extends JpaRepository<Physician, Long> {

    String SUMMARY = "select new org.peersupport.organization.PhysicianSummary(p.id, p.name, p.email, p.phone, "
            + "d.id, d.name, h.id, h.name, p.specialty, p.careerStage, p.active) "
            + "from Physician p join p.department d join d.hospital h ";

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
