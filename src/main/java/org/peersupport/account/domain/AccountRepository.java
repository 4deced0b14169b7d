package org.peersupport.account.domain;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByEmail(String email);

    boolean existsByEmail(String email);

    boolean existsByPhysicianId(Long physicianId);

    Optional<Account> findByPhysicianId(Long physicianId);

    @Query("select distinct a.email from Account a join a.roles r join a.hospitalIds h "
            + "where r = org.peersupport.account.Role.COORDINATOR and h = ?1 and a.enabled = true order by a.email")
    java.util.List<String> coordinatorEmails(long hospitalId);

    @Query(value = "select a from Account a where (:text = '' or lower(a.displayName) like :text escape '\\' "
            + "or a.email like :text escape '\\') order by a.displayName, a.id",
            countQuery = "select count(a) from Account a where (:text = '' or lower(a.displayName) like :text "
                    + "escape '\\' or a.email like :text escape '\\')")
    Page<Account> search(String text, Pageable pageable);
}
