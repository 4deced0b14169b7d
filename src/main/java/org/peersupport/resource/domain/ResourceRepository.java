package org.peersupport.resource.domain;

import java.util.Collection;
import java.util.List;

import org.peersupport.resource.ResourceKind;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ResourceRepository extends JpaRepository<Resource, Long> {

    @Query("select r from Resource r where r.hospitalId is null or r.hospitalId in ?1 "
            + "order by r.hospitalId nulls first, r.kind, r.tier, r.name")
    List<Resource> findVisible(Collection<Long> hospitalIds);

    @Query("select r from Resource r order by r.hospitalId nulls first, r.kind, r.tier, r.name")
    List<Resource> findAllOrdered();

    @Query("select r from Resource r where r.active = true and r.kind = ?1 "
            + "and (r.hospitalId is null or r.hospitalId in ?2) order by r.hospitalId nulls first, r.tier, r.name")
    List<Resource> findActive(ResourceKind kind, Collection<Long> hospitalIds);

    @Query("select r from Resource r where r.active = true and (r.hospitalId is null or r.hospitalId = ?1) "
            + "order by r.tier, r.hospitalId nulls last, r.kind, r.name")
    List<Resource> findActiveFor(long hospitalId);
}
