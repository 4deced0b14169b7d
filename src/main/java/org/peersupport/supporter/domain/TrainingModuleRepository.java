package org.peersupport.supporter.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TrainingModuleRepository extends JpaRepository<TrainingModule, Long> {

    List<TrainingModule> findAllByOrderByPositionAscIdAsc();
}
