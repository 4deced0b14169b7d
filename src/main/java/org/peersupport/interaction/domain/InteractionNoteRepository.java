package org.peersupport.interaction.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface InteractionNoteRepository extends JpaRepository<InteractionNote, UUID> {

    List<InteractionNote> findByInteractionIdInAndAuthorAccountId(Collection<UUID> interactionIds, long authorAccountId);

    /** Notes of these contacts written by this account; nobody else's are ever loaded. */
    default Map<UUID, String> bodiesBy(long authorAccountId, Collection<Interaction> interactions) {
        Map<UUID, String> bodies = new HashMap<>();
        if (!interactions.isEmpty()) {
            findByInteractionIdInAndAuthorAccountId(interactions.stream().map(Interaction::getId).toList(),
                    authorAccountId).forEach(n -> bodies.put(n.getInteractionId(), n.getBody()));
        }
        return bodies;
    }

    @Modifying
    @Query("delete from InteractionNote n where n.writtenAt < ?1")
    int deleteWrittenBefore(Instant cutoff);
}
