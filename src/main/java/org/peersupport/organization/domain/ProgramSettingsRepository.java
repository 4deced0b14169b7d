package org.peersupport.organization.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProgramSettingsRepository extends JpaRepository<ProgramSettings, Short> {
}
