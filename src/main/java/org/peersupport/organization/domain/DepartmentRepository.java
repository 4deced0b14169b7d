package org.peersupport.organization.domain;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DepartmentRepository extends JpaRepository<Department, Long> {

    @Query("select d from Department d join fetch d.hospital h where h.id = ?1 order by d.name")
    List<Department> findByHospital(long hospitalId);

    @Query("select d from Department d join fetch d.hospital h where h.id in ?1 order by h.name, d.name")
    List<Department> findByHospitals(Collection<Long> hospitalIds);

    @Query("select d from Department d join fetch d.hospital h order by h.name, d.name")
    List<Department> findAllWithHospital();

    @Query("select count(d) > 0 from Department d where d.hospital.id = ?1 and lower(d.name) = lower(?2) and (?3 is null or d.id <> ?3)")
    boolean nameTaken(long hospitalId, String name, Long exceptId);
}
