package org.peersupport.interaction.domain;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface EscalationAcknowledgementRepository extends JpaRepository<EscalationAcknowledgement, UUID> {
}
