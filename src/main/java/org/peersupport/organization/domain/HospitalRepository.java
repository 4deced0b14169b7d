package org.peersupport.organization.domain;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface HospitalRepository extends JpaRepository<Hospital, Long> {

    List<Hospital> findAllByOrderByNameAsc();

    List<Hospital> findByIdInOrderByNameAsc(Collection<Long> ids);

    @Query("select count(h) > 0 from Hospital h where lower(h.name) = lower(?1) and (?2 is null or h.id <> ?2)")
    boolean nameTaken(String name, Long exceptId);
}
