package org.peersupport.interaction;

import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.peersupport.interaction.domain.Interaction;
import org.peersupport.interaction.domain.InteractionNoteRepository;
import org.peersupport.interaction.domain.InteractionRepository;
import org.peersupport.referral.CaseContacts;
import org.peersupport.resource.ResourceService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The contacts of cases, for the referral pages and the closing rule. Notes only for their author. */
@Component
@Transactional(readOnly = true)
class CaseContactLog implements CaseContacts {

    private final InteractionRepository interactions;

    private final InteractionNoteRepository notes;

    private final ResourceService resources;

    CaseContactLog(InteractionRepository interactions, InteractionNoteRepository notes, ResourceService resources) {
        this.interactions = interactions;
        this.notes = notes;
        this.resources = resources;
    }

    @Override
    public Map<UUID, Tally> tallies(Collection<UUID> referralIds) {
        Map<UUID, Tally> tallies = new HashMap<>();
        if (!referralIds.isEmpty()) {
            for (Object[] row : interactions.tallies(referralIds)) {
                tallies.put((UUID) row[0], new Tally(((Number) row[1]).intValue(), ((Number) row[2]).intValue(),
                        ((Number) row[3]).intValue() > 0));
            }
        }
        return tallies;
    }

    @Override
    public List<Line> lines(UUID referralId, Long noteAuthorSupporterId, ZoneId zone) {
        List<Interaction> list = interactions.findByReferralIdOrderByOccurredAtAsc(referralId);
        Map<UUID, String> own = noteAuthorSupporterId == null ? Map.of()
                : notes.bodiesBy(noteAuthorSupporterId, list);
        Map<Long, String> names = resources.names(
                list.stream().flatMap(i -> i.getResourceIds().stream()).collect(Collectors.toSet()));
        return list.stream().map(i -> new Line(i.getId(), i.getOccurredAt().atZone(zone), i.getMode().name(),
                i.getMinutes(), i.getOutcome().name(), i.isEscalated(),
                i.getEscalationAction() == null ? null : i.getEscalationAction().name(),
                i.resourceNames(names), noteAuthorSupporterId == null ? null : i.getFollowUpOn(), own.get(i.getId())))
                .toList();
    }
}
