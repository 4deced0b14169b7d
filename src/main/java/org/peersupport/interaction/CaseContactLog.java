package org.peersupport.interaction;

import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.peersupport.account.CurrentUser;
import org.peersupport.interaction.domain.Interaction;
import org.peersupport.interaction.domain.InteractionNoteRepository;
import org.peersupport.interaction.domain.InteractionRepository;
import org.peersupport.referral.CaseContacts;
import org.peersupport.resource.ResourceService;
import org.peersupport.supporter.SupporterDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The contacts of cases, for the referral pages and the closing rule. A note only for the account that wrote it. */
@Component
@Transactional(readOnly = true)
class CaseContactLog implements CaseContacts {

    private final InteractionRepository interactions;

    private final InteractionNoteRepository notes;

    private final ResourceService resources;

    private final SupporterDirectory supporters;

    private final JdbcTemplate jdbc;

    CaseContactLog(InteractionRepository interactions, InteractionNoteRepository notes, ResourceService resources,
            SupporterDirectory supporters, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.supporters = supporters;
        this.interactions = interactions;
        this.notes = notes;
        this.resources = resources;
    }

    @Override
    public Map<UUID, Tally> tallies(Collection<UUID> referralIds) {
        Map<UUID, Tally> tallies = new HashMap<>();
        if (!referralIds.isEmpty()) {
            // Plain SQL with an array: every page of cases asks, and Hibernate would translate a query
            // with a list parameter again each time.
            jdbc.query("select referral_id, count(*), count(*) filter (where outcome = 'NO_RESPONSE'), "
                    + "count(*) filter (where red_flag) from interaction where referral_id = any (?) group by referral_id",
                    rs -> {
                        tallies.put(rs.getObject(1, UUID.class), new Tally(rs.getInt(2), rs.getInt(3), rs.getInt(4) > 0));
                    }, (Object) referralIds.toArray(UUID[]::new));
        }
        return tallies;
    }

    @Override
    public List<Line> coordinatorLines(UUID referralId, ZoneId zone) {
        return lines(interactions.findByReferralIdOrderByOccurredAtAsc(referralId), Map.of(), null, zone);
    }

    @Override
    public List<Line> supporterLines(UUID referralId, CurrentUser supporter, ZoneId zone) {
        List<Interaction> list = interactions.findByReferralIdOrderByOccurredAtAsc(referralId);
        Long self = supporter.physicianId().flatMap(supporters::supporterOf).orElse(null);
        return lines(list, notes.bodiesBy(supporter.accountId(), list), self, zone);
    }

    /** Lines with the given notes, and follow-up dates only on the contacts of {@code planner}. */
    private List<Line> lines(List<Interaction> list, Map<UUID, String> notes, Long planner, ZoneId zone) {
        Map<Long, String> names = resources.names(
                list.stream().flatMap(i -> i.getResourceIds().stream()).collect(Collectors.toSet()));
        return list.stream().map(i -> new Line(i.getId(), i.getOccurredAt().atZone(zone), i.getMode().name(),
                i.getMinutes(), i.getOutcome().name(), i.isEscalated(),
                i.getEscalationAction() == null ? null : i.getEscalationAction().name(), i.resourceNames(names),
                planner != null && planner == i.getSupporterId() ? i.getFollowUpOn() : null, notes.get(i.getId())))
                .toList();
    }
}
