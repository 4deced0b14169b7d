package org.peersupport.survey.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.peersupport.survey.CampaignSummary;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CampaignRepository extends JpaRepository<Campaign, UUID> {

    String SCOPE = "where (:allHospitals = true or c.hospitalId in :hospitalIds) ";

    @Query(value = "select new org.peersupport.survey.CampaignSummary(c.id, c.title, c.hospitalId, t.name, t.revision, "
            + "c.opensOn, c.closesOn, c.state) from Campaign c join c.template t " + SCOPE
            + "order by c.createdAt desc, c.id",
            countQuery = "select count(c) from Campaign c " + SCOPE)
    Page<CampaignSummary> search(boolean allHospitals, Collection<Long> hospitalIds, Pageable pageable);

    @Query("select c from Campaign c join fetch c.template where c.id = ?1")
    Optional<Campaign> findWithTemplate(UUID id);

    /** Campaigns the calendar job may have to open or close; the job checks each in its hospital's zone. */
    @Query("select c from Campaign c where (c.state = org.peersupport.survey.CampaignState.SCHEDULED "
            + "and c.opensOn <= ?1) or (c.state in (org.peersupport.survey.CampaignState.SCHEDULED, "
            + "org.peersupport.survey.CampaignState.OPEN) and c.closesOn < ?1)")
    List<Campaign> dueOnOrBefore(LocalDate latestToday);
}
