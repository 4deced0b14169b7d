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

    /** Notes of these contacts written by {@code author}; nobody else's are ever loaded. */
    default Map<UUID, String> bodiesBy(long author, Collection<Interaction> interactions) {
        List<UUID> ids = interactions.stream().filter(i -> i.getSupporterId() == author).map(Interaction::getId)
                .toList();
        Map<UUID, String> bodies = new HashMap<>();
        if (!ids.isEmpty()) {
            findAllById(ids).forEach(n -> bodies.put(n.getInteractionId(), n.getBody()));
        }
        return bodies;
    }

    @Modifying
    @Query("delete from InteractionNote n where n.writtenAt < ?1")
    int deleteWrittenBefore(Instant cutoff);
}
